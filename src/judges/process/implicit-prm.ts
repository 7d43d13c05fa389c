// PRIME implicit process rewards (spec 13.2; PRIME-RL/PRIME@18ad596f08d4): r_t = β·(log π_φ(y_t) − log π_ref(y_t)),
// from teacher-forced log-probs of the same response under the PRM (policy-like) model and a reference model.
import type { Scorer, ScoreRequest } from '../../local-models/scorer.js';

export interface ImplicitPrmOptions {
  /** β in r_t = β·q_t. @default 0.05 (PRIME's `beta_train`) */
  beta?: number;
  /** `token`: one reward per token; `whole`: the sum at the last token, zeros elsewhere. @default 'token' */
  granularity?: 'token' | 'whole';
}

/** Per-token implicit rewards from aligned per-token log-probs. Throws when the lengths differ. */
export function implicitPrmRewards(prmLogprobs: readonly number[], refLogprobs: readonly number[], options: ImplicitPrmOptions = {}): number[] {
  if (prmLogprobs.length !== refLogprobs.length) {
    throw new RangeError(`implicit PRM: ${prmLogprobs.length} PRM log-probs vs ${refLogprobs.length} reference log-probs; both models must tokenize alike`);
  }
  const beta = options.beta ?? 0.05;
  const per = prmLogprobs.map((lp, t) => beta * (lp - (refLogprobs[t] ?? 0)));
  if (options.granularity !== 'whole') return per;
  const total = per.reduce((a, b) => a + b, 0);
  return per.map((_, t) => (t === per.length - 1 ? total : 0));
}

/**
 * Implicit rewards grouped into steps: the sum of token rewards inside each step. `stepTokenCounts`
 * gives how many continuation tokens each step spans (from the scorer's token pieces).
 */
export function implicitStepRewards(tokenRewards: readonly number[], stepTokenCounts: readonly number[]): number[] {
  const out: number[] = [];
  let t = 0;
  for (const count of stepTokenCounts) {
    let s = 0;
    for (let i = 0; i < count; i++) s += tokenRewards[t++] ?? 0;
    out.push(s);
  }
  return out;
}

/** Score one response under two scorers (PRM and reference) and return per-token implicit rewards. */
export async function implicitPrmFromScorers(
  prm: Scorer,
  reference: Scorer,
  request: ScoreRequest,
  options: ImplicitPrmOptions = {},
): Promise<{ tokens: string[]; rewards: number[]; outcome: number }> {
  const [[p], [r]] = await Promise.all([prm.score([request]), reference.score([request])]);
  if (!p || !r) throw new Error('implicit PRM: a scorer returned no result');
  const rewards = implicitPrmRewards(p.logprobs, r.logprobs, options);
  return { tokens: p.tokens, rewards, outcome: rewards.reduce((a, b) => a + b, 0) };
}
