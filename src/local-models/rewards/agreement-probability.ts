// A persuadee's self-estimated agreement: after a yes/no question about the proposition, the probability
// the model gives to answering "Yes". The raw P(Yes) depends on how much mass other answers take, so the
// normalised P(Yes) / (P(Yes) + P(No)) is reported as well.
import type { Scorer, ScoreRequest } from '../scorer.js';

export interface AgreementOptions {
  /** The affirmative answer, scored as the continuation. @default 'Yes' */
  yes?: string;
  /** @default 'No' */
  no?: string;
}

export interface Agreement {
  /** Normalised: P(Yes) / (P(Yes) + P(No)). */
  agreement: number;
  /** Raw P(Yes) (product over its tokens). */
  pYes: number;
  pNo: number;
}

/** `prompt` ends where the persuadee's one-word answer would start (e.g. chat messages ending with the question). */
export async function agreementProbability(scorer: Scorer, prompt: ScoreRequest['prompt'], options: AgreementOptions = {}): Promise<Agreement> {
  const [yes, no] = (await scorer.score([
    { prompt, continuation: options.yes ?? 'Yes' },
    { prompt, continuation: options.no ?? 'No' },
  ])).map((r) => r.total) as [number, number];
  // normalise in log space so that tiny probabilities do not underflow to 0/0
  return { agreement: 1 / (1 + Math.exp(no - yes)), pYes: Math.exp(yes), pNo: Math.exp(no) };
}
