// Outcome analytics of the reference experiments (spec 6.2; experiments/run_analytics.py of
// microsoft/multi-agent-marketplace@fdaf34d), restated: utilities, revenue, welfare, completion,
// invalid proposals and first-proposal bias.
import { hasAllAmenities, requestedTotal, type Business, type Customer, type Market } from './market-data.js';
import { matchMenuItems, type FuzzyItemMatching } from './match-menu-items.js';
import type { MarketState, ProposalRecord } from './marketplace-state.js';
import { pickAnyBaseline, type DistributionStats } from './pick-any-baseline.js';

/** How the metrics are computed; the game passes its params. */
export interface MarketMetricsOptions {
  /** Count misspelled proposal items as the menu items they fuzzily match (needs_met). Off when absent. */
  fuzzyItemMatching?: FuzzyItemMatching | undefined;
  /** Seed of the randomized `pick_any` baseline. @default 0 */
  baselineSeed?: number;
  /** Repetitions R of the `pick_any` baseline. @default 1000 */
  baselineRepetitions?: number;
  /** Bootstrap resamples for the median's 95% interval. @default 10000 */
  baselineBootstrapSamples?: number;
  /** Baselines already computed for this market (they depend on the data and the seed only). */
  baselines?: BaselineUtilities;
}

/** The paid proposals of one customer, in payment order. */
function paidBy(state: MarketState, customer: string): ProposalRecord[] {
  return (state.customers[customer]?.paid ?? []).map((key) => state.proposals[key]).filter((p): p is ProposalRecord => p !== undefined);
}

/**
 * needs_met = some paid proposal holds every requested item (its items filtered to the business's real menu)
 * and its business offers every required amenity. utility = (needs_met ? 2 Σ requested prices : 0) − Σ paid totals.
 * The value counts once however many proposals were paid. With `fuzzy`, a proposed name within the edit
 * distance of a menu item stands for that item (run_analytics.py `filter_valid_proposal_items`, @02206b1).
 */
export function customerUtility(
  customer: Customer,
  paid: readonly ProposalRecord[],
  businesses: ReadonlyMap<string, Business>,
  fuzzy?: FuzzyItemMatching,
): number {
  const wanted = Object.keys(customer.menu_features);
  const needsMet = paid.some((p) => {
    const business = businesses.get(p.business);
    if (!business) return false;
    const matched = matchMenuItems(p.proposal.items.map((i) => i.item_name), Object.keys(business.menu_features), fuzzy);
    const onMenu = new Set(matched.byName.values());
    return wanted.every((w) => onMenu.has(w)) && hasAllAmenities(business, customer);
  });
  const spent = paid.reduce((s, p) => s + p.proposal.total_price, 0);
  return (needsMet ? 2 * requestedTotal(customer) : 0) - spent;
}

/** Revenue of each business = Σ totals of its paid proposals. */
export function businessRevenues(market: Market, state: MarketState): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(market.businesses.map((b) => [b.id, 0]));
  for (const p of Object.values(state.proposals)) if (p.paidTick !== undefined) out[p.business] = (out[p.business] ?? 0) + p.proposal.total_price;
  return out;
}

export function marketplacePayoffs(market: Market, state: MarketState, fuzzy?: FuzzyItemMatching): Record<string, number> {
  const businesses = new Map(market.businesses.map((b) => [b.id, b]));
  const out: Record<string, number> = {};
  for (const c of market.customers) out[c.id] = customerUtility(c, paidBy(state, c.id), businesses, fuzzy);
  return { ...out, ...businessRevenues(market, state) };
}

/**
 * Arrival rank (1 = first) of each paid proposal among all proposals sent to that customer, ordered by
 * message index (the reference orders by created_at). Only the first payment of each customer counts.
 */
export function paidProposalRanks(market: Market, state: MarketState): number[] {
  const ranks: number[] = [];
  for (const c of market.customers) {
    const first = paidBy(state, c.id)[0];
    if (!first) continue;
    const received = Object.values(state.proposals)
      .filter((p) => p.customer === c.id)
      .sort((a, b) => a.messageIndex - b.messageIndex);
    ranks.push(received.indexOf(first) + 1);
  }
  return ranks;
}

export function marketplaceMetrics(market: Market, state: MarketState, options: MarketMetricsOptions = {}): Record<string, number> {
  const payoffs = marketplacePayoffs(market, state, options.fuzzyItemMatching);
  const welfare = market.customers.reduce((s, c) => s + (payoffs[c.id] ?? 0), 0);
  const revenue = market.businesses.reduce((s, b) => s + (payoffs[b.id] ?? 0), 0);
  const paying = market.customers.filter((c) => (state.customers[c.id]?.paid.length ?? 0) > 0).length;
  const ranks = paidProposalRanks(market, state);
  const baselines = options.baselines ?? marketplaceBaselines(market, {
    seed: options.baselineSeed ?? 0,
    repetitions: options.baselineRepetitions ?? 1000,
    bootstrapSamples: options.baselineBootstrapSamples ?? 10000,
  });
  const any = baselines.pick_any_baseline;
  return {
    welfare,
    total_surplus: welfare + revenue,
    business_revenue: revenue,
    completion_rate: market.customers.length ? paying / market.customers.length : 0,
    utility_per_active_customer: paying ? welfare / paying : 0,
    invalid_proposals: state.invalidProposals.length,
    rejected_actions: state.rejected.length,
    proposals: Object.keys(state.proposals).length,
    messages: state.messages.length,
    ticks: state.tick,
    paid_proposal_mean_rank: ranks.length ? ranks.reduce((a, b) => a + b, 0) / ranks.length : 0,
    first_proposal_paid_share: ranks.length ? ranks.filter((r) => r === 1).length / ranks.length : 0,
    optimal_baseline_welfare: baselines.pick_optimal_baseline,
    cheapest_baseline_welfare: baselines.pick_cheapest_baseline,
    any_baseline_welfare_median: any.median,
    any_baseline_welfare_q1: any.q1,
    any_baseline_welfare_q3: any.q3,
    any_baseline_welfare_ci_low: any.median_ci_lower,
    any_baseline_welfare_ci_high: any.median_ci_upper,
  };
}

export interface BaselineUtilities {
  /** Σ utilities when each customer buys its basket from the cheapest business with all items AND amenities. */
  pick_optimal_baseline: number;
  /** Σ utilities when each customer buys from the cheapest business with all items, amenities ignored. */
  pick_cheapest_baseline: number;
  /** Welfare when each customer buys from a uniformly random business with all items (amenities ignored), over R draws. */
  pick_any_baseline: DistributionStats;
  /** The same, picking only among businesses with all items AND amenities. */
  pick_any_with_amenities_baseline: DistributionStats;
  perCustomer: Record<string, { optimal: number; cheapest: number; optimalBusiness?: string; cheapestBusiness?: string }>;
}

/** Draws of the randomized baselines. */
export interface BaselineOptions {
  /** Seed of the `pick_any` draws. @default 0 */
  seed?: number;
  /** Repetitions R. @default 1000 */
  repetitions?: number;
  /** Bootstrap resamples for the median's 95% interval. @default 10000 */
  bootstrapSamples?: number;
}

/**
 * Baselines of `baseline_utilities.json` (spec 6.2), computed from the data alone. A customer with no
 * qualifying business buys nothing (utility 0). Ties go to the lower business id.
 */
export function marketplaceBaselines(market: Market, options: BaselineOptions = {}): BaselineUtilities {
  const perCustomer: BaselineUtilities['perCustomer'] = {};
  let optimal = 0;
  let cheapest = 0;
  for (const c of market.customers) {
    const items = Object.keys(c.menu_features);
    const value = 2 * requestedTotal(c);
    let best: { b: Business; cost: number } | undefined;
    let cheap: { b: Business; cost: number } | undefined;
    for (const b of [...market.businesses].sort((x, y) => (x.id < y.id ? -1 : 1))) {
      if (!items.every((i) => i in b.menu_features)) continue;
      const cost = items.reduce((s, i) => s + (b.menu_features[i] as number), 0);
      if (!cheap || cost < cheap.cost) cheap = { b, cost };
      if (hasAllAmenities(b, c) && (!best || cost < best.cost)) best = { b, cost };
    }
    const o = best ? value - best.cost : 0;
    const ch = cheap ? (hasAllAmenities(cheap.b, c) ? value : 0) - cheap.cost : 0;
    optimal += o;
    cheapest += ch;
    perCustomer[c.id] = { optimal: o, cheapest: ch, ...(best ? { optimalBusiness: best.b.id } : {}), ...(cheap ? { cheapestBusiness: cheap.b.id } : {}) };
  }
  return {
    pick_optimal_baseline: optimal,
    pick_cheapest_baseline: cheapest,
    pick_any_baseline: pickAnyBaseline(market, options),
    pick_any_with_amenities_baseline: pickAnyBaseline(market, { ...options, requireAmenities: true }),
    perCustomer,
  };
}
