import type { MemoryItem } from '../agents/agent.js';

/**
 * Memory items as prompt text, one line per turn (its items joined) and the summary first; empty when
 * there is nothing to remember. Linear in what it shows; how much that is, the memory policy decides.
 */
export function renderMemory(items: readonly MemoryItem[]): string {
  if (items.length === 0) return '';
  const lines: string[] = [];
  let turn: number | undefined;
  for (const item of items) {
    if (item.kind === 'summary') {
      lines.push(`- summary: ${item.text}`);
      turn = undefined;
    } else if (item.turn === turn) {
      lines[lines.length - 1] += ` ${item.text}`;
    } else {
      lines.push(`- turn ${item.turn}: ${item.text}`);
      turn = item.turn;
    }
  }
  return `What you remember:\n${lines.join('\n')}\n`;
}
