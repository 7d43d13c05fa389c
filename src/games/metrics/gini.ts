/**
 * Gini coefficient of non-negative values: G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), in [0, (n−1)/n].
 * 0 when everyone holds the same (including all zeros) or the list is empty.
 * Computed in O(n log n) from the sorted values: G = Σ_i (2i − n − 1)·x_(i) / (n² μ), i = 1..n.
 * Negative values have no standard Gini; they are rejected so a payoff that went below zero is noticed.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  if ((sorted[0] as number) < 0) throw new RangeError(`gini() needs non-negative values, got ${sorted[0]}`);
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    total += x;
    weighted += (2 * (i + 1) - n - 1) * x;
  }
  if (total === 0) return 0;
  return weighted / (n * total);
}

/** Gini of values that may be negative (payoffs after fines): shifted so the minimum is 0 first. */
export function giniShifted(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const min = Math.min(...values);
  return gini(min < 0 ? values.map((v) => v - min) : values);
}
