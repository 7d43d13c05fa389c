// What each side of the market sees. Customers see only what they fetched or searched; businesses see
// their own conversations. Nobody sees other pairs' messages.
import type { Business } from './market-data.js';
import type { MarketplaceGame } from './marketplace-game.js';
import type {
  BusinessObservation,
  BusinessProfile,
  CustomerObservation,
  KnownProposal,
  MarketMessage,
  MarketState,
  ShownMessage,
} from './marketplace-state.js';

export function profileOf(b: Business): BusinessProfile {
  return {
    id: b.id,
    name: b.name,
    description: b.description,
    rating: b.rating,
    menu: b.menu_features,
    amenities: Object.keys(b.amenity_features).filter((a) => b.amenity_features[a]),
  };
}

function show(m: MarketMessage): ShownMessage {
  const out: ShownMessage = { index: m.index, from: m.from, to: m.to, tick: m.sentTick, kind: m.kind };
  if (m.content !== undefined) out.content = m.content;
  if (m.proposal !== undefined) out.proposal = m.proposal;
  if (m.proposalId !== undefined) out.proposalId = m.proposalId;
  return out;
}

export function observeCustomer(game: MarketplaceGame, state: MarketState, agent: string): CustomerObservation {
  const customer = game.market.customers.find((c) => c.id === agent);
  const progress = state.customers[agent];
  if (!customer || !progress) throw new RangeError(`unknown customer ${agent}`);
  const proposals: KnownProposal[] = [];
  let unread = 0;
  for (const m of state.messages) {
    if (m.to !== agent || m.deliverTick > state.tick) continue;
    if (m.index >= progress.fetchedIndex) {
      unread += 1;
      continue;
    }
    if (m.kind !== 'proposal' || !m.proposal) continue;
    const record = state.proposals[`${m.from}/${m.proposal.id}`];
    const expiry = m.proposal.expiry_tick;
    const known: KnownProposal = {
      business: m.from,
      id: m.proposal.id,
      items: m.proposal.items,
      total_price: m.proposal.total_price,
      arrival: proposals.length + 1,
      status: record?.paidTick !== undefined ? 'paid' : expiry !== undefined && state.tick > expiry ? 'expired' : 'open',
    };
    if (expiry !== undefined) known.expiry_tick = expiry;
    proposals.push(known);
  }
  const obs: CustomerObservation = {
    side: 'customer',
    tick: state.tick,
    maxTicks: game.maxTicks,
    you: { id: customer.id, name: customer.name, request: customer.request, items: customer.menu_features, amenities: customer.amenity_features },
    searches: progress.searches,
    contacted: progress.contacted,
    unread,
    proposals,
    paid: progress.paid.length > 0,
  };
  if (progress.lastSearch) {
    obs.lastSearch = { ...progress.lastSearch, profiles: progress.lastSearch.businesses.map((id) => profileOf(game.business(id) as Business)) };
  }
  const last = progress.lastResult;
  if (last?.kind === 'messages') {
    const wanted = new Set(last.indices);
    obs.lastMessages = { messages: state.messages.filter((m) => wanted.has(m.index)).map(show), has_more: last.has_more };
  } else if (last?.kind === 'rejected') {
    obs.lastRejection = last.reason;
  }
  return obs;
}

export function observeBusiness(game: MarketplaceGame, state: MarketState, agent: string): BusinessObservation {
  const business = game.business(agent);
  if (!business) throw new RangeError(`unknown business ${agent}`);
  const conversations: Record<string, ShownMessage[]> = {};
  for (const m of state.messages) {
    const incoming = m.to === agent && m.deliverTick <= state.tick;
    if (!incoming && m.from !== agent) continue;
    const other = incoming ? m.from : m.to;
    (conversations[other] ??= []).push(show(m));
  }
  const proposals = Object.values(state.proposals)
    .filter((p) => p.business === agent)
    .map((p) => ({ customer: p.customer, id: p.proposal.id, total_price: p.proposal.total_price, paid: p.paidTick !== undefined }));
  return { side: 'business', tick: state.tick, you: profileOf(business), conversations, proposals };
}
