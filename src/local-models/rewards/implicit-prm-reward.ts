// Implicit process reward (spec 13.2, PRIME): per token q_t = log π_φ(y_t|x,y_<t) − log π_ref(y_t|x,y_<t),
// token reward r_t = β·q_t with β = 0.05 (PRIME's beta_train), outcome = Σ_t r_t. Both models must share
// a tokenizer: the per-token comparison is meaningless otherwise.
import type { Scorer, ScoreRequest } from '../scorer.js';

export interface ImplicitPrmOptions {
  /** β, the reward scale. @default 0.05 */
  beta?: number;
}

export interface ImplicitPrmReward {
  tokens: string[];
  /** q_t = log π_φ − log π_ref per token. */
  logRatios: number[];
  /** β·q_t per token. */
  rewards: number[];
  /** Σ_t β·q_t. */
  outcome: number;
}

export async function implicitPrmRewards(policy: Scorer, reference: Scorer, requests: readonly ScoreRequest[], options: ImplicitPrmOptions = {}): Promise<ImplicitPrmReward[]> {
  const beta = options.beta ?? 0.05;
  const [pol, ref] = await Promise.all([policy.score(requests), reference.score(requests)]);
  return pol.map((p, i) => {
    const r = ref[i];
    if (!r || r.logprobs.length !== p.logprobs.length || r.tokens.some((t, j) => t !== p.tokens[j])) {
      throw new RangeError(`implicit PRM request ${i}: ${policy.modelId} and ${reference.modelId} tokenize the response differently`);
    }
    const logRatios = p.logprobs.map((lp, j) => lp - (r.logprobs[j] as number));
    const rewards = logRatios.map((q) => beta * q);
    return { tokens: p.tokens, logRatios, rewards, outcome: rewards.reduce((a, b) => a + b, 0) };
  });
}

export async function implicitPrmReward(policy: Scorer, reference: Scorer, request: ScoreRequest, options: ImplicitPrmOptions = {}): Promise<ImplicitPrmReward> {
  return (await implicitPrmRewards(policy, reference, [request], options))[0] as ImplicitPrmReward;
}
