// Small numeric helpers shared by the advantage estimators. Conventions are explicit because the
// papers differ: `std` here is the unbiased sample standard deviation (divisor n − 1), as torch's
// default `Tensor.std()` used by TRL and NVlabs/GDPO.

/** Arithmetic mean; 0 for an empty list. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/**
 * Standard deviation. `unbiased` divides by n − 1 (torch default); `population` by n.
 * With fewer than two values the unbiased std is undefined (torch returns NaN); we return 0 so a
 * group of one rollout gets a zero advantage instead of NaN.
 */
export function std(values: readonly number[], convention: 'unbiased' | 'population' = 'unbiased'): number {
  const n = values.length;
  const divisor = convention === 'unbiased' ? n - 1 : n;
  if (divisor <= 0) return 0;
  const m = mean(values);
  let s = 0;
  for (const v of values) s += (v - m) ** 2;
  return Math.sqrt(s / divisor);
}

/** (v − mean) / (std + eps) for every value. */
export function zScores(values: readonly number[], eps: number, convention: 'unbiased' | 'population' = 'unbiased'): number[] {
  const m = mean(values);
  const sd = std(values, convention);
  return values.map((v) => (v - m) / (sd + eps));
}

/** NaN (a missing reward) becomes 0, as in NVlabs/GDPO's trl implementation (spec 13.4). */
export function nanToZero(value: number): number {
  return Number.isNaN(value) ? 0 : value;
}
