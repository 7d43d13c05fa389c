// How configs create a marketplace: the dataset (built-in, a folder, or a synthetic market), tick limit,
// and the position-bias and manipulation setups. Seats: customers first, then businesses.
import { z } from 'zod';
import type { AgentId } from '../game.js';
import type { GameDefinition, Strategy } from '../definition.js';
import { generateMarket } from './generate-market.js';
import { loadMarket } from './load-market.js';
import { withDescriptions } from './manipulation-texts.js';
import type { Market } from './market-data.js';
import { MarketplaceGame } from './marketplace-game.js';
import { firstProposalCustomer, rationalBusiness, rationalCustomer } from './marketplace-strategies.js';

export const marketplaceParamsSchema = z
  .object({
    /** A built-in dataset (`mexican_3_9`, `mexican_10_30`), a folder path, or a synthetic market's size and seed. */
    market: z
      .union([z.string().min(1), z.object({ customers: z.number().int().min(1), businesses: z.number().int().min(1), seed: z.number().int() }).strict()])
      .default('mexican_3_9'),
    /** Ticks before the game stops. */
    maxTicks: z.number().int().min(1).default(20),
    /** Position-bias setup: this business (dataset id) appears at `position` (1 = first) in every search result. */
    positionBias: z.object({ business: z.string(), position: z.number().int().min(1) }).strict().optional(),
    /** Manipulation setup: replace businesses' descriptions (`malicious`, `competitive` or a custom text). */
    descriptionOverrides: z.array(z.object({ business: z.string(), text: z.string().min(1) }).strict()).default([]),
    /**
     * Fuzzy menu-item matching (spec 6.2; run_analytics.py `fuzzy_match_distance`): a proposed item name within
     * `maxDistance` edits (Levenshtein, lower-cased) of a menu item stands for it, in proposal checks and in
     * needs_met. Off when absent (the reference's default distance 0).
     */
    fuzzyItemMatching: z.object({ maxDistance: z.number().int().min(1) }).strict().optional(),
    /** Repetitions R of the randomized `pick_any` welfare baseline (the reference draws 1000). */
    baselineRepetitions: z.number().int().min(1).default(1000),
    /** Bootstrap resamples for the 95% interval of that baseline's median (the reference draws 10000). */
    baselineBootstrapSamples: z.number().int().min(0).default(10000),
  })
  .strict();

export type MarketplaceParams = z.infer<typeof marketplaceParamsSchema>;

const cache = new Map<string, Market>();

/** The market named by params, with overrides applied (dataset ids). */
export function marketFor(params: MarketplaceParams): Market {
  const key = JSON.stringify(params.market);
  let market = cache.get(key);
  if (!market) {
    market = typeof params.market === 'string' ? loadMarket(params.market) : generateMarket(params.market);
    cache.set(key, market);
  }
  return withDescriptions(market, params.descriptionOverrides);
}

/** Renames the market's agents to the seats' ids (customers first), keeping every cross-reference. */
export function seatMarket(market: Market, agents: readonly AgentId[]): { market: Market; rename: Map<string, string> } {
  const expected = market.customers.length + market.businesses.length;
  if (agents.length !== expected) {
    throw new RangeError(`${market.name} needs ${expected} agents (${market.customers.length} customers, then ${market.businesses.length} businesses), got ${agents.length}`);
  }
  const rename = new Map<string, string>();
  market.customers.forEach((c, i) => rename.set(c.id, agents[i] as string));
  market.businesses.forEach((b, j) => rename.set(b.id, agents[market.customers.length + j] as string));
  return {
    rename,
    market: {
      name: market.name,
      customers: market.customers.map((c) => ({ ...c, id: rename.get(c.id) as string })),
      businesses: market.businesses.map((b) => ({
        ...b,
        id: rename.get(b.id) as string,
        ...(b.progenitor_customer !== undefined ? { progenitor_customer: rename.get(b.progenitor_customer) ?? b.progenitor_customer } : {}),
      })),
    },
  };
}

export const marketplaceDefinition: GameDefinition<MarketplaceParams> = {
  metadata: new MarketplaceGame({ market: { name: 'empty', customers: [], businesses: [] } }).metadata,
  params: marketplaceParamsSchema,
  agentCount(params) {
    const m = marketFor(params);
    const n = m.customers.length + m.businesses.length;
    return { min: n, max: n };
  },
  create(params, agents) {
    const { market, rename } = seatMarket(marketFor(params), agents);
    const bias = params.positionBias;
    return new MarketplaceGame({
      market,
      maxTicks: params.maxTicks,
      positionOverride: bias ? { business: rename.get(bias.business) ?? bias.business, position: bias.position } : undefined,
      fuzzyItemMatching: params.fuzzyItemMatching,
      baselineRepetitions: params.baselineRepetitions,
      baselineBootstrapSamples: params.baselineBootstrapSamples,
    });
  },
  roleFor(params, seat) {
    return seat < marketFor(params).customers.length ? 'customer' : 'business';
  },
  strategies: {
    'rational-customer': rationalCustomer() as Strategy,
    'first-proposal-customer': firstProposalCustomer() as Strategy,
    'rational-business': rationalBusiness() as Strategy,
  },
};
