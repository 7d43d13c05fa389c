// Per-turn information gain toward a ground-truth answer (spec 13.5, A²TGPO): IG_t = P(a*|h_t) − P(a*|h_{t−1}),
// where h_t is the dialogue up to and including turn t, scored teacher-forced by a local Scorer. The
// spec leaves open whether P is a probability or a log-probability; `measure` chooses (default
// `logprob`, which does not underflow for long answers).
import type { Scorer } from '../../local-models/scorer.js';
import type { Turn } from '../process/segment.js';

export interface InformationGainOptions {
  scorer: Scorer;
  /** The ground-truth answer a*. */
  answer: string;
  /** Text before the dialogue (task statement). @default '' */
  preamble?: string;
  /** Text between the history and the answer. @default '\nAnswer: ' */
  answerPrefix?: string;
  /** @default 'logprob' */
  measure?: 'logprob' | 'prob';
}

/** One IG value per turn, in turn order; all prefixes are scored in one batch. */
export async function turnInformationGain(turns: readonly Turn[], options: InformationGainOptions): Promise<number[]> {
  const prefix = options.answerPrefix ?? '\nAnswer: ';
  const histories = [options.preamble ?? ''];
  for (const t of turns) {
    const before = histories.at(-1) ?? '';
    histories.push(`${before}${before === '' ? '' : '\n'}${t.agent}: ${t.text}`);
  }
  const results = await options.scorer.score(histories.map((h) => ({ prompt: `${h}${prefix}`, continuation: options.answer })));
  const values = results.map((r) => (options.measure === 'prob' ? Math.exp(r.total) : r.total));
  return turns.map((_, t) => (values[t + 1] ?? 0) - (values[t] ?? 0));
}
