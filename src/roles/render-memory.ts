import type { MemoryItem } from '../agents/agent.js';

/** What a call rendered: the items (all frozen) and their text, to go on from when the memory grows. */
interface Rendered {
  items: readonly MemoryItem[];
  body: string;
  /** The turn of the last line, undefined after a summary. */
  turn: number | undefined;
}

/**
 * The last rendering per first item. A full memory's view grows at its end, round after round, so the
 * next call renders only the items added since (the same frozen objects in front are checked by
 * identity): a prompt costs what it adds, not every line again.
 */
const renderedFrom = new WeakMap<MemoryItem, Rendered>();

/**
 * Memory items as prompt text, one line per turn (its items joined) and the summary first; empty when
 * there is nothing to remember. Linear in what it shows; how much that is, the memory policy decides.
 */
export function renderMemory(items: readonly MemoryItem[]): string {
  if (items.length === 0) return '';
  const first = items[0]!;
  let start = 0;
  let body = '';
  let turn: number | undefined;
  const known = renderedFrom.get(first);
  if (known && known.items.length <= items.length && sharesPrefix(known.items, items)) {
    ({ body, turn } = known);
    start = known.items.length;
  }
  let frozen = true;
  for (let i = start; i < items.length; i++) {
    const item = items[i]!;
    if (frozen && !Object.isFrozen(item)) frozen = false;
    if (item.kind === 'summary') {
      body += `${body ? '\n' : ''}- summary: ${item.text}`;
      turn = undefined;
    } else if (item.turn === turn) {
      body += ` ${item.text}`;
    } else {
      body += `${body ? '\n' : ''}- turn ${item.turn}: ${item.text}`;
      turn = item.turn;
    }
  }
  // Only frozen items can be taken as rendered: a mutable one may read differently next time.
  if (frozen && start < items.length) renderedFrom.set(first, { items, body, turn });
  return `What you remember:\n${body}\n`;
}

function sharesPrefix(known: readonly MemoryItem[], items: readonly MemoryItem[]): boolean {
  for (let i = known.length - 1; i >= 0; i--) if (known[i] !== items[i]) return false;
  return true;
}
