import type { Memory, MemoryItem } from '../agent.js';

/** Remembers everything. */
export class FullMemory implements Memory {
  readonly kind: Memory['kind'] = 'full';
  protected items: MemoryItem[] = [];

  add(item: MemoryItem): void {
    // Frozen: items never change once remembered (and a trace compares a frozen item only once).
    this.items.push(Object.freeze({ ...item }));
  }

  view(): MemoryItem[] {
    return this.items.slice();
  }

  snapshot(): unknown {
    // A copy: the checkpoint is written later than it is taken, and items keep arriving.
    return { items: this.items.slice() };
  }

  restore(snapshot: unknown): void {
    this.items = ((snapshot as { items?: MemoryItem[] }).items ?? []).slice();
  }
}
