import type { MemoryItem } from '../agents/agent.js';

/** Memory items as prompt text; empty when there is nothing to remember. */
export function renderMemory(items: readonly MemoryItem[]): string {
  if (items.length === 0) return '';
  return `What you remember:\n${items.map((i) => (i.kind === 'summary' ? `- ${i.text}` : `- [turn ${i.turn}] ${i.text}`)).join('\n')}\n`;
}
