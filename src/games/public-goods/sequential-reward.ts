// Rewards of the sequential public goods game (spec §4 form; README.md derives its equilibrium).
import type { SequentialPublicGoodsParams } from './sequential-params.js';

type RewardParams = Pick<SequentialPublicGoodsParams, 'kappa' | 'gamma' | 'rho' | 'penalty' | 'threshold' | 'taskScore'>;

/** Tolerance on E < B so that E = B computed as a float mean (e.g. 3·0.7/3) is not a miss. */
const THRESHOLD_EPS = 1e-9;

/** The shared task score E of all N contributions. */
export function taskScore(qualities: readonly number[], kind: SequentialPublicGoodsParams['taskScore']): number {
  if (qualities.length === 0) return 0;
  return kind === 'min' ? Math.min(...qualities) : qualities.reduce((a, b) => a + b, 0) / qualities.length;
}

/** U_i for every agent: −κc_i²/2 + γ·Σ_{j<i} c_j + (ρ/N)·E − P·1[E < B]. */
export function sequentialRewards(qualities: readonly number[], p: RewardParams): number[] {
  const n = qualities.length;
  const score = taskScore(qualities, p.taskScore);
  const missed = score < p.threshold - THRESHOLD_EPS ? p.penalty : 0;
  let before = 0;
  return qualities.map((c) => {
    const u = -(p.kappa * c * c) / 2 + p.gamma * before + (p.rho / n) * score - missed;
    before += c;
    return u;
  });
}
