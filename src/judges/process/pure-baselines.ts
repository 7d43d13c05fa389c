// PURE's leave-one-out baselines and verifiable reward (spec 13.1; CJReinforce/PURE@41f9363b8cc4,
// experience_maker.py). Each function takes the n samples of one prompt (n ≥ 2).

/** One sample: its per-step rewards and the number of tokens in each step. */
export interface StepSample {
  stepRewards: readonly number[];
  stepTokens: readonly number[];
}

/**
 * `reward_baseline=token` (PURE's default): from each step of sample i subtract
 * b_i × tokens_{i,t}, with b_i = mean over the other samples j of (Σ_t r_{j,t} / Σ_t tokens_{j,t}).
 */
export function pureTokenBaseline(samples: readonly StepSample[]): number[][] {
  const perToken = samples.map((s) => {
    const tokens = s.stepTokens.reduce((a, b) => a + b, 0);
    const total = s.stepRewards.reduce((a, b) => a + b, 0);
    return tokens === 0 ? 0 : total / tokens;
  });
  const sum = perToken.reduce((a, b) => a + b, 0);
  const n = samples.length;
  return samples.map((s, i) => {
    const baseline = n < 2 ? 0 : (sum - (perToken[i] ?? 0)) / (n - 1);
    return s.stepRewards.map((r, t) => r - baseline * (s.stepTokens[t] ?? 0));
  });
}

/**
 * `reward_baseline=step`: from each step reward of sample i subtract the mean per-step reward of the
 * other samples (each sample's mean over its own steps, then averaged over j ≠ i).
 */
export function pureStepBaseline(samples: ReadonlyArray<readonly number[]>): number[][] {
  const means = samples.map((s) => (s.length === 0 ? 0 : s.reduce((a, b) => a + b, 0) / s.length));
  const sum = means.reduce((a, b) => a + b, 0);
  const n = samples.length;
  return samples.map((s, i) => {
    const baseline = n < 2 ? 0 : (sum - (means[i] ?? 0)) / (n - 1);
    return s.map((r) => r - baseline);
  });
}

/**
 * PURE-PRM+VR verifiable reward, added at the last token: vr_i = solved_i − 1 ∈ {−1, 0}, made
 * leave-one-out (vr_i − mean_{j≠i} vr_j) and multiplied by `coef` (`verifiable_reward_coef`, 1.0).
 */
export function pureVerifiableRewards(solved: readonly boolean[], coef = 1): number[] {
  const vr: number[] = solved.map((s) => (s ? 0 : -1));
  const n = vr.length;
  const sum = vr.reduce((a, b) => a + b, 0);
  return vr.map((v) => (n < 2 ? 0 : coef * (v - (sum - v) / (n - 1))));
}
