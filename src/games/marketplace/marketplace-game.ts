// The two-sided agentic marketplace (spec 6, Bansal et al. 2025) as a pure game. One market tick: every
// active customer and every business takes one action; messages sent in tick t are delivered at t + 1.
import type { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { AgentId, ApplyResult, Game, Outcome, Phase } from '../game.js';
import type { Business, Market } from './market-data.js';
import { businessActionSchema, customerActionSchema, type BusinessAction, type CustomerAction, type MarketAction } from './marketplace-actions.js';
import { businessActionProblem, customerActionProblem, type LegalityContext } from './marketplace-legality.js';
import type { FuzzyItemMatching } from './match-menu-items.js';
import { marketplaceBaselines, marketplaceMetrics, marketplacePayoffs, type BaselineUtilities } from './marketplace-metrics.js';
import { observeBusiness, observeCustomer } from './marketplace-observe.js';
import { proposalKey, type CustomerProgress, type MarketMessage, type MarketObservation, type MarketState } from './marketplace-state.js';
import { searchBusinesses, type PositionOverride } from './search.js';

export interface MarketplaceOptions {
  market: Market;
  /** Ticks before the game stops. @default 20 */
  maxTicks?: number;
  /** Position-bias setup: where one business appears in every search result. */
  positionOverride?: PositionOverride | undefined;
  /** Accept and value misspelled proposal items within this edit distance of a menu item. Off when absent. */
  fuzzyItemMatching?: FuzzyItemMatching | undefined;
  /** Repetitions R of the randomized `pick_any` baseline. @default 1000 */
  baselineRepetitions?: number;
  /** Bootstrap resamples for its median's 95% interval. @default 10000 */
  baselineBootstrapSamples?: number;
}

export class MarketplaceGame implements Game<MarketState, MarketAction, MarketObservation> {
  readonly metadata = {
    name: 'marketplace',
    version: '1',
    description: 'Two-sided agentic marketplace: customer assistants search, negotiate and pay; businesses reply and propose orders.',
    source: 'Bansal et al., arXiv 2510.25779; microsoft/multi-agent-marketplace@fdaf34d (spec section 6)',
  };
  readonly agents: readonly AgentId[];
  readonly market: Market;
  readonly maxTicks: number;
  private readonly ctx: LegalityContext;
  private readonly positionOverride: PositionOverride | undefined;
  private readonly fuzzyItemMatching: FuzzyItemMatching | undefined;
  private readonly baselineRepetitions: number;
  private readonly baselineBootstrapSamples: number;
  /** Memo of `marketplaceBaselines` by seed: a pure function of the market and seed, costly to redo. */
  private readonly baselineMemo = new Map<number, BaselineUtilities>();

  constructor(options: MarketplaceOptions) {
    this.market = options.market;
    this.maxTicks = options.maxTicks ?? 20;
    this.positionOverride = options.positionOverride;
    this.fuzzyItemMatching = options.fuzzyItemMatching;
    this.baselineRepetitions = options.baselineRepetitions ?? 1000;
    this.baselineBootstrapSamples = options.baselineBootstrapSamples ?? 10000;
    this.agents = [...this.market.customers.map((c) => c.id), ...this.market.businesses.map((b) => b.id)];
    this.ctx = {
      businesses: new Map(this.market.businesses.map((b) => [b.id, b])),
      customerIds: new Set(this.market.customers.map((c) => c.id)),
      fuzzyItemMatching: this.fuzzyItemMatching,
    };
  }

  isCustomer(agent: AgentId): boolean {
    return this.ctx.customerIds.has(agent);
  }

  business(id: string): Business | undefined {
    return this.ctx.businesses.get(id);
  }

  init(rng: Rng): MarketState {
    const customers: Record<string, CustomerProgress> = {};
    for (const c of this.market.customers) customers[c.id] = { searches: 0, lastSearch: null, contacted: [], lastResult: null, fetchedIndex: 0, paid: [], ended: false };
    return { tick: 0, messages: [], proposals: {}, customers, invalidProposals: [], rejected: [], baselineSeed: rng.derive('pick-any-baseline').seed };
  }

  phase(state: MarketState): Phase | null {
    if (this.isOver(state)) return null;
    const active = this.market.customers.filter((c) => !state.customers[c.id]?.ended).map((c) => c.id);
    return { kind: 'market-tick', agents: [...active, ...this.market.businesses.map((b) => b.id)], round: state.tick, label: 'tick' };
  }

  observe(state: MarketState, agent: AgentId): MarketObservation {
    if (this.isCustomer(agent)) return observeCustomer(this, state, agent);
    return observeBusiness(this, state, agent);
  }

  actionSchema(_state: MarketState, agent: AgentId): z.ZodType<MarketAction> {
    return (this.isCustomer(agent) ? customerActionSchema : businessActionSchema) as z.ZodType<MarketAction>;
  }

  legality(state: MarketState, agent: AgentId, action: MarketAction): string | undefined {
    return this.isCustomer(agent)
      ? customerActionProblem(state, agent, action as CustomerAction, this.ctx)
      : businessActionProblem(state, agent, action as BusinessAction, this.ctx);
  }

  defaultAction(): MarketAction {
    return { type: 'wait' };
  }

  apply(state: MarketState, actions: ReadonlyMap<AgentId, MarketAction>, _rng: Rng): ApplyResult<MarketState> {
    const tick = state.tick;
    const next: MarketState = {
      tick: tick + 1,
      messages: state.messages.slice(),
      proposals: { ...state.proposals },
      customers: { ...state.customers },
      invalidProposals: state.invalidProposals.slice(),
      rejected: state.rejected.slice(),
      baselineSeed: state.baselineSeed,
    };
    const outcomes: Outcome[] = [];
    const send = (m: Omit<MarketMessage, 'index' | 'sentTick' | 'deliverTick'>): MarketMessage => {
      const message: MarketMessage = { ...m, index: next.messages.length, sentTick: tick, deliverTick: tick + 1 };
      next.messages.push(message);
      const content = m.kind === 'text' ? (m.content ?? '') : JSON.stringify(m.kind === 'proposal' ? m.proposal : { pay: m.proposalId });
      outcomes.push({ type: 'message', from: m.from, to: [m.to], channel: `market:${m.kind}`, content });
      return message;
    };
    // Seat order, not the map's insertion order, so the message log is the same however actions arrive.
    for (const agent of this.agents) {
      const action = actions.get(agent);
      if (!action) continue;
      const problem = this.legality(state, agent, action);
      if (problem !== undefined) {
        if (action.type === 'propose') next.invalidProposals.push({ business: agent, customer: action.to, tick, reason: problem });
        else next.rejected.push({ agent, tick, reason: problem });
        if (this.isCustomer(agent)) next.customers[agent] = { ...(next.customers[agent] as CustomerProgress), lastResult: { kind: 'rejected', reason: problem } };
        outcomes.push({ type: 'event', name: action.type === 'propose' ? 'proposal-invalid' : 'action-rejected', agent, data: { reason: problem } });
        continue;
      }
      if (this.isCustomer(agent)) this.applyCustomer(state, next, agent, action as CustomerAction, send, outcomes);
      else this.applyBusiness(next, agent, action as BusinessAction, send);
    }
    return { state: next, outcomes };
  }

  private applyCustomer(
    state: MarketState,
    next: MarketState,
    agent: AgentId,
    action: CustomerAction,
    send: (m: Omit<MarketMessage, 'index' | 'sentTick' | 'deliverTick'>) => MarketMessage,
    outcomes: Outcome[],
  ): void {
    const progress = { ...(next.customers[agent] as CustomerProgress) };
    switch (action.type) {
      case 'search': {
        const customer = this.market.customers.find((c) => c.id === agent);
        const result = searchBusinesses(this.market.businesses, action, customer!, this.positionOverride);
        progress.searches += 1;
        progress.lastSearch = result;
        progress.lastResult = null;
        break;
      }
      case 'send_messages':
        for (const m of action.messages) send({ from: agent, to: m.to, kind: 'text', content: m.content });
        progress.contacted = [...progress.contacted, ...new Set(action.messages.map((m) => m.to).filter((to) => !progress.contacted.includes(to)))];
        progress.lastResult = null;
        break;
      case 'pay': {
        const key = proposalKey(action.business, action.proposal_id);
        const record = next.proposals[key]!;
        next.proposals[key] = { ...record, paidTick: state.tick };
        progress.paid = [...progress.paid, key];
        progress.lastResult = null;
        send({ from: agent, to: action.business, kind: 'payment', proposalId: action.proposal_id });
        outcomes.push({ type: 'payoff', agent: action.business, value: record.proposal.total_price, detail: { proposal: action.proposal_id, customer: agent } });
        break;
      }
      case 'check_messages': {
        const limit = action.limit ?? 50;
        const waiting = state.messages.filter((m) => m.to === agent && m.deliverTick <= state.tick && m.index >= progress.fetchedIndex);
        const shown = waiting.slice(0, limit);
        progress.lastResult = { kind: 'messages', indices: shown.map((m) => m.index), has_more: waiting.length > limit };
        if (shown.length) progress.fetchedIndex = (shown[shown.length - 1] as MarketMessage).index + 1;
        break;
      }
      case 'end_transaction':
        progress.ended = true;
        progress.lastResult = null;
        break;
      case 'wait':
        progress.lastResult = null;
        break;
    }
    next.customers[agent] = progress;
  }

  private applyBusiness(next: MarketState, agent: AgentId, action: BusinessAction, send: (m: Omit<MarketMessage, 'index' | 'sentTick' | 'deliverTick'>) => MarketMessage): void {
    if (action.type === 'reply') send({ from: agent, to: action.to, kind: 'text', content: action.content });
    if (action.type === 'propose') {
      const message = send({ from: agent, to: action.to, kind: 'proposal', proposal: action.proposal });
      next.proposals[proposalKey(agent, action.proposal.id)] = {
        business: agent,
        customer: action.to,
        proposal: action.proposal,
        messageIndex: message.index,
        deliverTick: message.deliverTick,
      };
    }
  }

  isOver(state: MarketState): boolean {
    return state.tick >= this.maxTicks || Object.values(state.customers).every((c) => c.ended);
  }

  payoffs(state: MarketState): Record<AgentId, number> {
    return marketplacePayoffs(this.market, state, this.fuzzyItemMatching);
  }

  metrics(state: MarketState): Record<string, number> {
    return marketplaceMetrics(this.market, state, { fuzzyItemMatching: this.fuzzyItemMatching, baselines: this.baselines(state.baselineSeed) });
  }

  /** The data-only baselines for `seed` (memoised). */
  baselines(seed: number): BaselineUtilities {
    let b = this.baselineMemo.get(seed);
    if (!b) {
      b = marketplaceBaselines(this.market, { seed, repetitions: this.baselineRepetitions, bootstrapSamples: this.baselineBootstrapSamples });
      this.baselineMemo.set(seed, b);
    }
    return b;
  }
}
