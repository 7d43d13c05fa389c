import type { Memory, MemoryItem } from '../agent.js';
import { FullMemory } from './full-memory.js';

/** Remembers the last `size` items. */
export class WindowMemory extends FullMemory {
  override readonly kind: Memory['kind'] = 'window';
  readonly horizon: number;

  constructor(readonly size: number) {
    super();
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`window memory size must be a positive integer, got ${size}`);
    this.horizon = size;
  }

  override add(item: MemoryItem): void {
    super.add(item);
    if (this.items.length > this.size) this.items.splice(0, this.items.length - this.size);
  }
}
