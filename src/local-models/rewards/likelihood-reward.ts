// Likelihood reward for a chain of thought (spec 13.6, Kwiatkowski et al., arXiv 2602.03979):
// R(z) = log π(a* | p, z), the teacher-forced log-probability of the reference answer a* after the prompt p
// and the reasoning z, in one pass with no sampling. Variants the paper compares are offered too.
import type { ChatMessage } from '../../models/model.js';
import type { Scorer, ScoreRequest } from '../scorer.js';

export type LikelihoodVariant = 'logprob' | 'prob' | 'mean-logprob' | 'mean-prob';

export interface LikelihoodInput {
  /** The task prompt p: raw text, or chat messages ending with the user's turn. */
  prompt: string | ChatMessage[];
  /** The reasoning z, written by the model before its answer (same assistant turn). */
  reasoning: string;
  /** The reference answer a*. */
  answer: string;
}

export interface LikelihoodOptions {
  /**
   * `logprob`: Σ log π (the paper's recommended reward); `prob`: π(a*|p,z) = exp of it (VeriFree-style);
   * `mean-logprob`: per-token mean; `mean-prob`: mean per-token probability. @default 'logprob'
   */
  variant?: LikelihoodVariant;
  /** Text placed between the reasoning and the answer. @default '\n' */
  separator?: string;
}

export interface LikelihoodReward {
  reward: number;
  /** log π(a* | p, z), whatever the variant. */
  logprob: number;
  tokens: string[];
  logprobs: number[];
}

/** The scoring request: the answer as the continuation of the reasoning, inside one assistant turn. */
export function likelihoodRequest(input: LikelihoodInput, separator = '\n'): ScoreRequest {
  const z = input.reasoning + separator;
  const prompt = typeof input.prompt === 'string' ? input.prompt + z : [...input.prompt, { role: 'assistant' as const, content: z }];
  return { prompt, continuation: input.answer };
}

export async function likelihoodRewards(scorer: Scorer, inputs: readonly LikelihoodInput[], options: LikelihoodOptions = {}): Promise<LikelihoodReward[]> {
  const results = await scorer.score(inputs.map((i) => likelihoodRequest(i, options.separator)));
  return results.map((r) => {
    const variant = options.variant ?? 'logprob';
    const reward =
      variant === 'logprob' ? r.total
      : variant === 'prob' ? Math.exp(r.total)
      : variant === 'mean-logprob' ? r.mean
      : r.logprobs.length === 0 ? 1 : r.logprobs.reduce((s, lp) => s + Math.exp(lp), 0) / r.logprobs.length;
    return { reward, logprob: r.total, tokens: r.tokens, logprobs: r.logprobs };
  });
}

export async function likelihoodReward(scorer: Scorer, input: LikelihoodInput, options: LikelihoodOptions = {}): Promise<LikelihoodReward> {
  return (await likelihoodRewards(scorer, [input], options))[0] as LikelihoodReward;
}
