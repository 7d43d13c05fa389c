// The planner's DELTA rules (spec 1.2): per bracket, |Δ| < 1 means a fraction (×100), clip to [−20, 20],
// round to a multiple of 10 (halves away from zero), flip the sign if the rate would leave [0, 100].

/** The step actually applied for a requested delta `d` on a rate `rate` (percent). */
export function effectiveDelta(rate: number, d: number): number {
  let x = d !== 0 && Math.abs(d) < 1 ? d * 100 : d;
  x = Math.max(-20, Math.min(20, x));
  x = Math.sign(x) * Math.round(Math.abs(x) / 10) * 10;
  if (rate + x < 0 || rate + x > 100) x = -x;
  return x === 0 ? 0 : x;
}

/** New rates after a DELTA vector; throws when the lengths differ (callers check legality first). */
export function applyDelta(rates: readonly number[], delta: readonly number[]): number[] {
  if (delta.length !== rates.length) throw new RangeError(`DELTA has ${delta.length} entries; expected ${rates.length} (one per bracket)`);
  return rates.map((r, j) => Math.max(0, Math.min(100, r + effectiveDelta(r, delta[j] as number))));
}
