// The indirect-reciprocity trace a donor sees (spec §3, "three_last_traces"): the recipient's most recent
// action, the previous action of that action's partner, and so on back, at most `depth` links.
import type { AgentId } from '../game.js';
import type { Interaction } from './types.js';

/** Links of the trace, most recent first. Each link is strictly earlier than the one before it. */
export function traceChain(history: readonly Interaction[], recipient: AgentId, beforeTurn: number, depth: number): Interaction[] {
  const chain: Interaction[] = [];
  let who = recipient;
  let before = beforeTurn;
  while (chain.length < depth) {
    let last: Interaction | undefined;
    for (let i = history.length - 1; i >= 0; i--) {
      const h = history[i] as Interaction;
      if (h.donor === who && h.turn < before) {
        last = h;
        break;
      }
    }
    if (!last) break;
    chain.push(last);
    who = last.recipient;
    before = last.turn;
  }
  return chain;
}

/** Percentages without float noise: 50, 33.33, 12.5. */
export function formatNumber(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** One sentence per link, in the spec's structure (our wording). */
export function describeInteraction(link: Interaction, punishmentLoss = 2): string {
  if (link.kind === 'refuse') return `In round ${link.round}, ${link.donor} refused to play with ${link.recipient}.`;
  if (link.kind === 'punish') {
    return `In round ${link.round}, ${link.donor} punished ${link.recipient}, spending ${formatNumber(link.amount)} units to take away ${formatNumber(punishmentLoss * link.amount)} units.`;
  }
  const pct = link.donorBefore > 0 ? (100 * link.amount) / link.donorBefore : 0;
  return `In round ${link.round}, ${link.donor} donated ${formatNumber(pct)}% of their resources to ${link.recipient}.`;
}

/** The trace as text; a recipient with no past action gets the first-round sentence. */
export function traceText(chain: readonly Interaction[], recipient: AgentId, punishmentLoss = 2): string {
  if (chain.length === 0) return `${recipient} did not have any previous interactions.`;
  return chain.map((link) => describeInteraction(link, punishmentLoss)).join(' ');
}
