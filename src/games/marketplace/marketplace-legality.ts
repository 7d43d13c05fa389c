// Why a marketplace action is illegal now (spec 6.1 rules), shared by `legality` and `apply`.
import type { Business } from './market-data.js';
import type { BusinessAction, CustomerAction } from './marketplace-actions.js';
import type { FuzzyItemMatching } from './match-menu-items.js';
import { proposalKey, type MarketState } from './marketplace-state.js';
import { proposalProblem } from './validate-proposal.js';

export interface LegalityContext {
  businesses: ReadonlyMap<string, Business>;
  customerIds: ReadonlySet<string>;
  /** Accept misspelled item names within this distance (off when absent). */
  fuzzyItemMatching?: FuzzyItemMatching | undefined;
}

export function customerActionProblem(state: MarketState, customer: string, action: CustomerAction, ctx: LegalityContext): string | undefined {
  const progress = state.customers[customer];
  if (!progress) return `${customer} is not a customer of this market`;
  if (progress.ended) return 'the transaction has ended';
  switch (action.type) {
    case 'send_messages': {
      const bad = action.messages.find((m) => !ctx.businesses.has(m.to));
      return bad ? `messages go to businesses; "${bad.to}" is not one` : undefined;
    }
    case 'pay': {
      const record = state.proposals[proposalKey(action.business, action.proposal_id)];
      if (!record || record.customer !== customer) return `no proposal "${action.proposal_id}" from ${action.business} was sent to you`;
      if (record.deliverTick > state.tick) return `proposal "${action.proposal_id}" has not been delivered yet`;
      if (record.paidTick !== undefined) return `proposal "${action.proposal_id}" is already paid`;
      const expiry = record.proposal.expiry_tick;
      if (expiry !== undefined && state.tick > expiry) return `proposal "${action.proposal_id}" expired at tick ${expiry}`;
      return undefined;
    }
    case 'end_transaction':
      return progress.paid.length === 0 ? 'end_transaction is only allowed after paying for a proposal' : undefined;
    default:
      return undefined;
  }
}

export function businessActionProblem(state: MarketState, business: string, action: BusinessAction, ctx: LegalityContext): string | undefined {
  const profile = ctx.businesses.get(business);
  if (!profile) return `${business} is not a business of this market`;
  if (action.type === 'wait') return undefined;
  if (!ctx.customerIds.has(action.to)) return `messages go to customers; "${action.to}" is not one`;
  if (action.type === 'reply') return undefined;
  const p = action.proposal;
  if (state.proposals[proposalKey(business, p.id)]) return `proposal id "${p.id}" was already used`;
  if (p.expiry_tick !== undefined && p.expiry_tick <= state.tick) return `expiry_tick ${p.expiry_tick} must be after the current tick ${state.tick}`;
  return proposalProblem(p, profile, ctx.fuzzyItemMatching);
}
