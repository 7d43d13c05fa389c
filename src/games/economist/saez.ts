// Saez optimal marginal rates per bracket (spec 1.5; `saez_optimal_tax_rates` of sethkarten/LLM-Economist@ca46185a,
// after Saez 2001, "Using elasticities to derive optimal income tax rates"): τ = (1 − G)/(1 − G + a·ε).

/** Elasticity presets of the reference's Saez variants. */
export const SAEZ_ELASTICITIES = {
  /** `SAEZ`: the AI-Economist flat value, per bracket. */
  saez: 3.0,
  /** `SAEZ_FLAT`. */
  'saez-flat': 0.4,
  /** `SAEZ_THREE`: one per bracket of the three-bracket schedule. */
  'saez-three': [0.18, 0.11, 0.57],
} as const;

/** Gaussian kernel density estimate at `x` with Scott's bandwidth h = σ̂·n^(−1/5) (σ̂ with n − 1). */
export function gaussianKde(data: readonly number[], x: number): number {
  const n = data.length;
  const mean = data.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(data.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(n - 1, 1));
  const h = sd * n ** (-1 / 5);
  if (!(h > 0)) return 0;
  let sum = 0;
  for (const v of data) sum += Math.exp(-0.5 * ((x - v) / h) ** 2);
  return sum / (n * h * Math.sqrt(2 * Math.PI));
}

/** Share of `data` at or below `x`. */
export function empiricalCdf(data: readonly number[], x: number): number {
  let k = 0;
  for (const v of data) if (v <= x) k++;
  return k / data.length;
}

export interface SaezOptions {
  /** Pre-tax incomes of the workers. */
  incomes: readonly number[];
  /** Bracket edges (length K + 1). */
  brackets: readonly number[];
  /** One elasticity for all brackets or one per bracket. */
  elasticity: number | readonly number[];
}

/**
 * Rates in percent, one per bracket. z = the bracket midpoint; for the top bracket z = m, the mean income above its
 * start, and a = m/(m − start). Welfare weights g_i ∝ 1/max(z_i, 1), normalised to sum to 1. Where nobody earns
 * at or above z, 1 − F(z) = 0 and a → ∞, so τ → 0 (the limit is returned).
 */
export function saezRates(options: SaezOptions): number[] {
  const { incomes, brackets, elasticity } = options;
  const k = brackets.length - 1;
  const eps = typeof elasticity === 'number' ? new Array<number>(k).fill(elasticity) : elasticity;
  if (eps.length !== k) throw new RangeError(`saezRates: ${eps.length} elasticities for ${k} brackets`);
  const inv = incomes.map((z) => 1 / Math.max(z, 1));
  const invSum = inv.reduce((a, b) => a + b, 0);
  const g = inv.map((w) => w / invSum);
  const rates: number[] = [];
  for (let j = 0; j < k; j++) {
    const lo = brackets[j] as number;
    const hi = brackets[j + 1] as number;
    let z: number;
    let a: number | undefined;
    if (j === k - 1) {
      const above = incomes.filter((v) => v > lo);
      if (above.length === 0) {
        rates.push(0);
        continue;
      }
      z = above.reduce((s, v) => s + v, 0) / above.length;
      a = z / (z - lo);
    } else z = (lo + hi) / 2;
    const tail = 1 - empiricalCdf(incomes, z);
    if (tail <= 0) {
      rates.push(0);
      continue;
    }
    a ??= (z * gaussianKde(incomes, z)) / tail;
    let mass = 0;
    incomes.forEach((v, i) => {
      if (v >= z) mass += g[i] as number;
    });
    const G = mass / tail;
    const tau = (1 - G) / (1 - G + a * (eps[j] as number));
    rates.push(100 * Math.max(0, Math.min(1, Number.isFinite(tau) ? tau : 0)));
  }
  return rates;
}
