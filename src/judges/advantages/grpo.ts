// GRPO advantages for several rewards (spec 13.4, "GRPO for comparison"): the rewards of each rollout
// are summed with their weights first, then the sums are normalised once within the group. Two
// rollouts with different reward combinations but the same weighted sum get the same advantage.
import { nanToZero, zScores } from './stats.js';

export interface GrpoOptions {
  /** Weight per reward component, in the order of each rollout's reward vector. @default all 1 */
  weights?: readonly number[];
  /** Added to the group std before dividing. @default 1e-4 (TRL's GRPO default) */
  eps?: number;
  /** Std convention of the group normalisation. @default 'unbiased' (divisor G − 1, torch default) */
  std?: 'unbiased' | 'population';
}

/**
 * @param group One entry per rollout of the same prompt; each entry holds the K reward components.
 * @returns One advantage per rollout: (Σ_k w_k r_k − mean) / (std + eps).
 */
export function grpoAdvantages(group: ReadonlyArray<readonly number[]>, options: GrpoOptions = {}): number[] {
  const eps = options.eps ?? 1e-4;
  const sums = group.map((rewards) =>
    rewards.reduce((acc, r, k) => acc + (options.weights?.[k] ?? 1) * nanToZero(r), 0),
  );
  return zScores(sums, eps, options.std ?? 'unbiased');
}
