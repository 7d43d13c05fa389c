// Aggregating several judges' scores on the same target.

export type Aggregation = 'mean' | 'majority' | 'min';

/**
 * Combine one dimension's scores. `mean` and `min` are numeric. `majority` returns the most frequent
 * value; a tie goes to the SMALLEST tied value (for YES=1/NO=0 a split panel says NO: the conservative
 * choice for a verifier).
 */
export function aggregateScores(scores: readonly number[], how: Aggregation): number {
  if (scores.length === 0) throw new RangeError('aggregateScores: no scores');
  if (how === 'mean') return scores.reduce((a, b) => a + b, 0) / scores.length;
  if (how === 'min') return Math.min(...scores);
  const counts = new Map<number, number>();
  for (const s of scores) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best = Number.POSITIVE_INFINITY;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Aggregate every dimension present in all results. */
export function aggregateDimensions(results: ReadonlyArray<Record<string, number>>, how: Aggregation): Record<string, number> {
  const out: Record<string, number> = {};
  const dims = new Set(results.flatMap((r) => Object.keys(r)));
  for (const d of dims) {
    const values = results.map((r) => r[d]).filter((v): v is number => typeof v === 'number');
    if (values.length > 0) out[d] = aggregateScores(values, how);
  }
  return out;
}
