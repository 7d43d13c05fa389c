// Per-turn information gain about a ground-truth answer (spec 13.5, A²TGPO): IG_t = P(a*|h_t) − P(a*|h_{t−1}),
// where h_t is the dialogue history after turn t and P the policy's teacher-forced probability of a*.
// Whether the paper uses probabilities or log-probabilities is unverified, so both are offered:
// `prob` (the spec's formula, bounded in [−1, 1]) and `logprob` (log P differences: a ratio, unbounded,
// informative when P is tiny, as it is for long answers).
import type { Scorer, ScoreRequest } from '../scorer.js';

export interface InformationGainOptions {
  /** @default 'prob' */
  variant?: 'prob' | 'logprob';
}

export interface InformationGain {
  /** log P(a* | h_t) for t = 0..T. */
  logprobs: number[];
  /** P(a* | h_t) for t = 0..T. */
  probabilities: number[];
  /** IG_t for t = 1..T (length T). */
  gains: number[];
}

/**
 * `histories[t]` is the prompt after turn t (h_0 is before the first turn), each ending where the answer
 * would be written; `answer` is a*.
 */
export async function informationGain(scorer: Scorer, histories: readonly ScoreRequest['prompt'][], answer: string, options: InformationGainOptions = {}): Promise<InformationGain> {
  if (histories.length < 2) throw new RangeError('informationGain needs at least two histories (h_0 and h_1)');
  const results = await scorer.score(histories.map((prompt) => ({ prompt, continuation: answer })));
  const logprobs = results.map((r) => r.total);
  const probabilities = logprobs.map(Math.exp);
  const values = (options.variant ?? 'prob') === 'prob' ? probabilities : logprobs;
  const gains = values.slice(1).map((v, t) => v - (values[t] as number));
  return { logprobs, probabilities, gains };
}
