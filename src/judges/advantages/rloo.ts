// REINFORCE leave-one-out baselines (spec 13.1, 13.2). For n samples of one prompt, sample i's
// baseline is the mean reward of the other n − 1 samples. PRIME writes the same quantity as
// r̃_i = r_i·n/(n−1) − (Σ_j r_j)/(n−1) (PRIME-RL/PRIME core_algos.py); both forms are equal.

/** A_i = r_i − mean_{j≠i} r_j. Needs at least two samples (one sample has no baseline: 0). */
export function rlooAdvantages(rewards: readonly number[]): number[] {
  const n = rewards.length;
  if (n < 2) return rewards.map(() => 0);
  const total = rewards.reduce((a, b) => a + b, 0);
  return rewards.map((r) => r - (total - r) / (n - 1));
}

/**
 * PRIME's RLOO over per-token rewards (spec 13.2): every token reward of sample i becomes
 * r_{i,t}·n/(n−1) − (Σ_j r̄_j)/(n−1), where r̄_j is the mean token reward of sample j.
 */
export function primeRlooTokenRewards(samples: ReadonlyArray<readonly number[]>): number[][] {
  const n = samples.length;
  if (n < 2) return samples.map((s) => s.map(() => 0));
  const means = samples.map((s) => (s.length === 0 ? 0 : s.reduce((a, b) => a + b, 0) / s.length));
  const sumMeans = means.reduce((a, b) => a + b, 0);
  return samples.map((s) => s.map((r) => (r * n) / (n - 1) - sumMeans / (n - 1)));
}
