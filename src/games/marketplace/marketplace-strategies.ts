// Scripted marketplace agents: a rational customer, a "first proposal" customer (for bias tests) and a
// rational business. Each is a pure function of its observation.
import type { Rng } from '../../core/rng.js';
import type { Strategy } from '../definition.js';
import type { BusinessAction, CustomerAction } from './marketplace-actions.js';
import type { BusinessObservation, BusinessProfile, CustomerObservation, KnownProposal } from './marketplace-state.js';
import { PRICE_TOLERANCE } from './validate-proposal.js';

const SOURCE = 'Polis scripted baselines for spec section 6 (Bansal et al., arXiv 2510.25779)';

/** A proposal the customer would accept: open, valid at the menu prices it saw, and holding every requested item. */
function acceptable(p: KnownProposal, obs: CustomerObservation): boolean {
  if (p.status !== 'open') return false;
  const profile = obs.lastSearch?.profiles.find((b) => b.id === p.business);
  const names = new Set(p.items.map((i) => i.item_name));
  if (!Object.keys(obs.you.items).every((w) => names.has(w))) return false;
  if (profile && !obs.you.amenities.every((a) => profile.amenities.includes(a))) return false;
  if (!profile) return true;
  const sum = p.items.reduce((s, i) => s + i.quantity * i.unit_price, 0);
  return (
    Math.abs(sum - p.total_price) <= PRICE_TOLERANCE &&
    p.items.every((i) => i.quantity >= 1 && Math.abs((profile.menu[i.item_name] ?? Number.NaN) - i.unit_price) <= PRICE_TOLERANCE)
  );
}

function orderText(obs: CustomerObservation): string {
  return `Hello, please send me an order proposal for: ${Object.keys(obs.you.items).map((i) => `1 x ${i}`).join(', ')}.`;
}

/** Shared opening: search, then write to the top `k` businesses that have the items and amenities. */
function openingMove(obs: CustomerObservation, k: number): CustomerAction | undefined {
  if (obs.paid) return { type: 'end_transaction' };
  if (obs.searches === 0) return { type: 'search', query: Object.keys(obs.you.items).join(' '), algorithm: 'optimal', limit: 10 };
  if (obs.contacted.length === 0) {
    const fit = (obs.lastSearch?.profiles ?? []).filter((b: BusinessProfile) => obs.you.amenities.every((a) => b.amenities.includes(a)));
    if (fit.length === 0) return { type: 'wait' };
    return { type: 'send_messages', messages: fit.slice(0, k).map((b) => ({ to: b.id, content: orderText(obs) })) };
  }
  if (obs.unread > 0) return { type: 'check_messages' };
  return undefined;
}

/** Searches optimally, asks the top k for proposals, pays the cheapest acceptable one once all answered (or time runs short), ends. */
export function rationalCustomer(k = 3): Strategy<CustomerObservation, CustomerAction> {
  return {
    metadata: { name: 'rational-customer', stochastic: false, memoryDepth: 0, source: SOURCE },
    decide(obs: CustomerObservation, _rng: Rng): CustomerAction {
      const opening = openingMove(obs, k);
      if (opening) return opening;
      const options = obs.proposals.filter((p) => acceptable(p, obs)).sort((a, b) => a.total_price - b.total_price || a.arrival - b.arrival);
      const answered = new Set(obs.proposals.map((p) => p.business));
      const allIn = obs.contacted.every((b) => answered.has(b));
      const late = obs.tick >= obs.maxTicks * 0.6;
      const best = options[0];
      if (best && (allIn || late)) return { type: 'pay', business: best.business, proposal_id: best.id };
      return { type: 'wait' };
    },
  };
}

/** Pays the first acceptable proposal it learns of, whatever the others would have cost. */
export function firstProposalCustomer(k = 3): Strategy<CustomerObservation, CustomerAction> {
  return {
    metadata: { name: 'first-proposal-customer', stochastic: false, memoryDepth: 0, source: SOURCE },
    decide(obs: CustomerObservation, _rng: Rng): CustomerAction {
      const opening = openingMove(obs, k);
      if (opening) return opening;
      const first = obs.proposals.filter((p) => acceptable(p, obs)).sort((a, b) => a.arrival - b.arrival)[0];
      return first ? { type: 'pay', business: first.business, proposal_id: first.id } : { type: 'wait' };
    },
  };
}

/** Answers the longest-waiting customer with a proposal for the menu items its last message names, at menu prices. */
export function rationalBusiness(): Strategy<BusinessObservation, BusinessAction> {
  return {
    metadata: { name: 'rational-business', stochastic: false, memoryDepth: 0, source: SOURCE },
    decide(obs: BusinessObservation, _rng: Rng): BusinessAction {
      let pending: { customer: string; index: number; text: string } | undefined;
      for (const [customer, messages] of Object.entries(obs.conversations)) {
        const last = messages[messages.length - 1];
        if (!last || last.from !== customer || last.kind !== 'text') continue;
        if (!pending || last.index < pending.index) pending = { customer, index: last.index, text: last.content ?? '' };
      }
      if (!pending) return { type: 'wait' };
      const text = pending.text.toLowerCase();
      const items = Object.entries(obs.you.menu)
        .filter(([name]) => text.includes(name.toLowerCase()))
        .map(([item_name, unit_price]) => ({ item_name, quantity: 1, unit_price }));
      if (items.length === 0) {
        return { type: 'reply', to: pending.customer, content: `We serve: ${Object.keys(obs.you.menu).join(', ')}. Which items would you like?` };
      }
      const total = Math.round(items.reduce((s, i) => s + i.unit_price, 0) * 100) / 100;
      return { type: 'propose', to: pending.customer, proposal: { id: `p${obs.tick}`, items, total_price: total } };
    },
  };
}
