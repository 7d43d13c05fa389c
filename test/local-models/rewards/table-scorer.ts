// A Scorer whose per-token log-probs come from a table, so reward formulas can be checked by hand.
import type { ScoreRequest, ScoreResult, Scorer } from '../../../src/local-models/scorer.js';

export const promptKey = (prompt: ScoreRequest['prompt']): string =>
  typeof prompt === 'string' ? prompt : prompt.map((m) => `${m.role}:${m.content}`).join('|');

export class TableScorer implements Scorer {
  readonly requests: ScoreRequest[] = [];
  constructor(
    readonly modelId: string,
    /** `${promptKey}→${continuation}` → per-token log-probs (one token per word). */
    private readonly table: Record<string, number[]>,
    private readonly fallback?: (request: ScoreRequest) => number[],
  ) {}

  async score(requests: readonly ScoreRequest[]): Promise<ScoreResult[]> {
    this.requests.push(...requests);
    return requests.map((r) => {
      const logprobs = this.table[`${promptKey(r.prompt)}→${r.continuation}`] ?? this.fallback?.(r);
      if (!logprobs) throw new Error(`no table entry for ${promptKey(r.prompt)}→${r.continuation}`);
      const total = logprobs.reduce((a, b) => a + b, 0);
      return { tokens: r.continuation.split(' ').slice(0, logprobs.length), logprobs, total, mean: logprobs.length ? total / logprobs.length : 0 };
    });
  }
}
