// Step-level credit forms (spec 13.1). Inputs are per-step process rewards r_t (e.g. PR_t = P(+) − P(−)
// from a PRM, or a judge's step score). Outputs are per-step rewards or returns.

/** Sum-form returns: G_t = Σ_{k≥t} γ^{k−t} r_k. With γ = 1 this is PURE's reverse cumsum. */
export function sumFormReturns(rewards: readonly number[], gamma = 1): number[] {
  const out = new Array<number>(rewards.length).fill(0);
  let acc = 0;
  for (let t = rewards.length - 1; t >= 0; t--) {
    acc = (rewards[t] ?? 0) + gamma * acc;
    out[t] = acc;
  }
  return out;
}

export interface MinFormOptions {
  /** Softmax temperature T; PURE hard-codes 0.1. @default 0.1 */
  temperature?: number;
  /** Uniform weights instead of the softmax (PURE's `disable_weighted_reward`). @default false */
  uniform?: boolean;
}

/**
 * PURE min-form transform (CJReinforce/PURE@41f9363b8cc4, openrlhf/utils/utils.py):
 * w_t = softmax_t(−r_t / T), r'_t = w_t · r_t. The weights concentrate on the lowest step reward,
 * so Σ_t r'_t ≈ min_t r_t, and the return of a step becomes (about) the worst step still ahead.
 */
export function minFormRewards(rewards: readonly number[], options: MinFormOptions = {}): number[] {
  if (rewards.length === 0) return [];
  if (options.uniform) return rewards.map((r) => r / rewards.length);
  const t = options.temperature ?? 0.1;
  const logits = rewards.map((r) => -r / t);
  const top = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - top));
  const z = exps.reduce((a, b) => a + b, 0);
  return rewards.map((r, i) => ((exps[i] ?? 0) / z) * r);
}

/** Min-form returns: the reverse cumsum (γ = 1) of the min-form rewards. */
export function minFormReturns(rewards: readonly number[], options: MinFormOptions = {}): number[] {
  return sumFormReturns(minFormRewards(rewards, options), 1);
}
