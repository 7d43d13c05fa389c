// Subgame-perfect equilibrium of the sequential public goods game: a backward-induction solver over a
// grid of qualities, and the closed-form condition for full contribution derived in README.md.
import type { SequentialPublicGoodsParams } from './sequential-params.js';
import { sequentialRewards } from './sequential-reward.js';

export interface SpneResult {
  /** Equilibrium qualities in move order. */
  path: number[];
  rewards: number[];
}

/**
 * Backward induction: the last mover picks its best quality for every history; each earlier mover picks
 * the quality whose continuation (successors playing their subgame-best replies) pays it most.
 * Ties go to the higher quality. Cost: |grid|^N leaves, fine for N ≤ 4 and grids of ~20 points.
 */
export function solveSpne(params: SequentialPublicGoodsParams, grid: readonly number[]): SpneResult {
  const n = params.agents;
  const play = (history: number[]): number[] => {
    if (history.length === n) return history;
    const i = history.length;
    let best: number[] | undefined;
    let bestReward = -Infinity;
    for (const c of grid) {
      const path = play([...history, c]);
      const reward = sequentialRewards(path, params)[i] as number;
      if (reward > bestReward + 1e-12 || (Math.abs(reward - bestReward) <= 1e-12 && best && c > (best[i] as number))) {
        best = path;
        bestReward = reward;
      }
    }
    return best as number[];
  };
  const path = play([]);
  return { path, rewards: sequentialRewards(path, params) };
}

export interface FullContributionCondition {
  /** Whether c_i = c_max for all i is the (unique) SPNE. */
  holds: boolean;
  /** ρ ≥ κ·N²·c_max makes c_max strictly dominant at every history. */
  rhoBound: number;
  /** The no-penalty best quality c° = clamp(ρ / (κN²), c_min, c_max). */
  unconstrainedBest: number;
  /** With B = c_max and ρ below its bound: P must exceed κ(c_max² − c°²)/2 − (ρ/N²)(c_max − c°). */
  penaltyBound: number;
  /** Which clause decided. */
  reason: 'dominant' | 'penalty-deters' | 'penalty-too-small' | 'threshold-not-binding';
}

/** The closed-form condition of README.md for the `mean` task score. γ does not enter it. */
export function fullContributionCondition(p: SequentialPublicGoodsParams): FullContributionCondition {
  if (p.taskScore !== 'mean') throw new RangeError('the closed form is derived for taskScore "mean" only; use solveSpne');
  const n = p.agents;
  const rhoBound = p.kappa * n * n * p.cMax;
  const cStar = Math.min(p.cMax, Math.max(p.cMin, p.rho / (p.kappa * n * n)));
  const penaltyBound = (p.kappa * (p.cMax ** 2 - cStar ** 2)) / 2 - (p.rho / (n * n)) * (p.cMax - cStar);
  const base = { rhoBound, unconstrainedBest: cStar, penaltyBound };
  if (p.rho >= rhoBound) return { ...base, holds: true, reason: 'dominant' };
  if (Math.abs(p.threshold - p.cMax) > 1e-9) return { ...base, holds: false, reason: 'threshold-not-binding' };
  return p.penalty > penaltyBound ? { ...base, holds: true, reason: 'penalty-deters' } : { ...base, holds: false, reason: 'penalty-too-small' };
}
