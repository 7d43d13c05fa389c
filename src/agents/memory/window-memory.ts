import type { Memory, MemoryItem } from '../agent.js';

/** Remembers the last `size` items. */
export class WindowMemory implements Memory {
  readonly kind = 'window' as const;
  private items: MemoryItem[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`window memory size must be a positive integer, got ${size}`);
  }

  add(item: MemoryItem): void {
    this.items.push(item);
    if (this.items.length > this.size) this.items.splice(0, this.items.length - this.size);
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
