// GDPO: group reward-decoupled normalisation (spec 13.4; NVlabs/GDPO@b080e63d0126, trl implementation).
//   1. For each reward k and each group: A_k = (r_k − mean_group(r_k)) / (std_group(r_k) + eps).
//   2. A_pre = Σ_k w_k A_k.
//   3. Over the whole batch: A = (A_pre − mean_batch) / (std_batch + eps).
// eps = 1e-4 in both steps; std is torch's unbiased std (divisor n − 1); a NaN reward counts as 0.
// A group of one rollout has no unbiased std; we give it std 0 (its advantage is 0 before step 3).
import { mean, nanToZero, std, zScores } from './stats.js';

export interface GdpoOptions {
  /** Weight per reward component. @default all 1 */
  weights?: readonly number[];
  /** Added to each std before dividing (group and batch). @default 1e-4 */
  eps?: number;
  /** Apply step 3 (batch normalisation). @default true */
  batchNormalize?: boolean;
}

/**
 * @param batch Groups (one per prompt) of rollouts; each rollout is its vector of K reward components.
 * @returns Advantages with the same group/rollout shape.
 */
export function gdpoAdvantages(batch: ReadonlyArray<ReadonlyArray<readonly number[]>>, options: GdpoOptions = {}): number[][] {
  const eps = options.eps ?? 1e-4;
  const pre = batch.map((group) => {
    const k = Math.max(0, ...group.map((r) => r.length));
    const out = new Array<number>(group.length).fill(0);
    for (let d = 0; d < k; d++) {
      const column = group.map((r) => nanToZero(r[d] ?? 0));
      const z = zScores(column, eps, 'unbiased');
      const w = options.weights?.[d] ?? 1;
      z.forEach((a, i) => (out[i] = (out[i] ?? 0) + w * a));
    }
    return out;
  });
  if (options.batchNormalize === false) return pre;
  const flat = pre.flat();
  const m = mean(flat);
  const sd = std(flat, 'unbiased');
  return pre.map((group) => group.map((a) => (a - m) / (sd + eps)));
}
