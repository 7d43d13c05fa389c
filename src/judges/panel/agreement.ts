// Inter-rater agreement: Cohen's kappa (two raters), Fleiss' kappa (many raters, same count per item)
// and Krippendorff's alpha (any raters, missing values, nominal or interval distances).

/** Label of one rating; null/undefined = missing (Krippendorff only). */
export type Rating = string | number;

/**
 * Cohen's kappa for two raters over the same items: κ = (p_o − p_e)/(1 − p_e), with p_e from each
 * rater's marginal label frequencies. Returns 1 when both raters use one identical label throughout.
 */
export function cohenKappa(a: readonly Rating[], b: readonly Rating[]): number {
  if (a.length !== b.length) throw new RangeError(`cohenKappa: ${a.length} vs ${b.length} ratings`);
  const n = a.length;
  if (n === 0) throw new RangeError('cohenKappa: no items');
  let agree = 0;
  const ca = new Map<Rating, number>();
  const cb = new Map<Rating, number>();
  for (let i = 0; i < n; i++) {
    const x = a[i] as Rating;
    const y = b[i] as Rating;
    if (x === y) agree++;
    ca.set(x, (ca.get(x) ?? 0) + 1);
    cb.set(y, (cb.get(y) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [label, count] of ca) pe += (count / n) * ((cb.get(label) ?? 0) / n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

/**
 * Fleiss' kappa from a count table: `counts[i][j]` = how many raters put item i in category j; every
 * row must sum to the same number of raters n ≥ 2.
 */
export function fleissKappa(counts: ReadonlyArray<readonly number[]>): number {
  const items = counts.length;
  if (items === 0) throw new RangeError('fleissKappa: no items');
  const raters = (counts[0] ?? []).reduce((s, v) => s + v, 0);
  if (raters < 2) throw new RangeError('fleissKappa: need at least two raters per item');
  const k = (counts[0] ?? []).length;
  const colTotals = new Array<number>(k).fill(0);
  let pBar = 0;
  counts.forEach((row, i) => {
    const total = row.reduce((s, v) => s + v, 0);
    if (total !== raters || row.length !== k) throw new RangeError(`fleissKappa: row ${i} has ${total} ratings over ${row.length} categories, expected ${raters} over ${k}`);
    let agreeing = 0;
    row.forEach((c, j) => {
      agreeing += c * (c - 1);
      colTotals[j] = (colTotals[j] ?? 0) + c;
    });
    pBar += agreeing / (raters * (raters - 1));
  });
  pBar /= items;
  const pe = colTotals.reduce((s, t) => s + (t / (items * raters)) ** 2, 0);
  return pe === 1 ? 1 : (pBar - pe) / (1 - pe);
}

/** Turn per-rater label lists into Fleiss' count table (no missing values allowed). */
export function fleissTable(ratingsByRater: ReadonlyArray<readonly Rating[]>, categories?: readonly Rating[]): number[][] {
  const cats = categories ?? [...new Set(ratingsByRater.flat())].sort();
  const items = ratingsByRater[0]?.length ?? 0;
  return Array.from({ length: items }, (_, i) => cats.map((c) => ratingsByRater.filter((r) => r[i] === c).length));
}

export type AlphaLevel = 'nominal' | 'interval';

/**
 * Krippendorff's alpha, α = 1 − D_o/D_e, from a coincidence matrix (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"). `ratings[r][u]` is rater r's value for unit u, null when missing;
 * units with fewer than two values are not pairable and are skipped. Interval distance (c − k)²;
 * nominal distance 1 for different values.
 */
export function krippendorffAlpha(ratings: ReadonlyArray<ReadonlyArray<Rating | null | undefined>>, level: AlphaLevel = 'nominal'): number {
  const units = Math.max(0, ...ratings.map((r) => r.length));
  const values: Rating[] = [];
  const index = new Map<Rating, number>();
  const coincidence = new Map<string, number>();
  const add = (c: number, k: number, w: number) => coincidence.set(`${c},${k}`, (coincidence.get(`${c},${k}`) ?? 0) + w);
  for (let u = 0; u < units; u++) {
    const vals = ratings.map((r) => r[u]).filter((v): v is Rating => v !== null && v !== undefined);
    const m = vals.length;
    if (m < 2) continue;
    for (const v of vals) if (!index.has(v)) index.set(v, values.push(v) - 1);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(index.get(vals[i] as Rating) as number, index.get(vals[j] as Rating) as number, 1 / (m - 1));
  }
  const v = values.length;
  const nc = new Array<number>(v).fill(0);
  for (const [key, w] of coincidence) nc[Number(key.split(',')[0])] = (nc[Number(key.split(',')[0])] ?? 0) + w;
  const n = nc.reduce((a, b) => a + b, 0);
  if (n <= 1) throw new RangeError('krippendorffAlpha: fewer than two pairable values');
  const delta = (c: number, k: number) => {
    if (level === 'nominal') return c === k ? 0 : 1;
    const x = Number(values[c]);
    const y = Number(values[k]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new TypeError('krippendorffAlpha: interval level needs numeric values');
    return (x - y) ** 2;
  };
  let observed = 0;
  for (const [key, w] of coincidence) {
    const [c, k] = key.split(',').map(Number) as [number, number];
    observed += w * delta(c, k);
  }
  let expected = 0;
  for (let c = 0; c < v; c++) for (let k = 0; k < v; k++) expected += (nc[c] ?? 0) * (nc[k] ?? 0) * delta(c, k);
  if (expected === 0) return 1;
  return 1 - ((n - 1) * observed) / expected;
}
