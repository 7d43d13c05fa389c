// A fixed set of context sequences handed out one request at a time: concurrent users of one loaded model
// each get their own KV-cache slot, and node-llama-cpp batches their tokens into shared decode calls.
import type { LlamaContext, LlamaContextSequence } from 'node-llama-cpp';

export class SequencePool {
  private readonly free: LlamaContextSequence[] = [];
  private readonly waiting: Array<(s: LlamaContextSequence) => void> = [];

  constructor(readonly context: LlamaContext) {
    while (context.sequencesLeft > 0) this.free.push(context.getSequence());
  }

  get size(): number {
    return this.context.totalSequences;
  }

  /** Run `task` on a free sequence; its history is cleared before it goes back to the pool. */
  async use<T>(task: (sequence: LlamaContextSequence) => Promise<T>): Promise<T> {
    const sequence = this.free.pop() ?? (await new Promise<LlamaContextSequence>((r) => this.waiting.push(r)));
    try {
      return await task(sequence);
    } finally {
      await sequence.clearHistory();
      const next = this.waiting.shift();
      if (next) next(sequence);
      else this.free.push(sequence);
    }
  }
}
