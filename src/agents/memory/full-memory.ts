import type { Memory, MemoryItem } from '../agent.js';

/** Remembers everything. */
export class FullMemory implements Memory {
  readonly kind: Memory['kind'] = 'full';
  protected items: MemoryItem[] = [];

  add(item: MemoryItem): void {
    this.items.push(item);
  }

  view(): MemoryItem[] {
    return this.items.slice();
  }

  snapshot(): unknown {
    return { items: this.items };
  }

  restore(snapshot: unknown): void {
    this.items = ((snapshot as { items?: MemoryItem[] }).items ?? []).slice();
  }
}
