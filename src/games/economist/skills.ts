// Worker skills (hourly wage v), spec 1.1: from the GB2 fit to US income (v = draw / 40) or uniform.
import type { Rng } from '../../core/rng.js';
import { fQuantile, incompleteBeta } from './f-distribution.js';
import { roundHalfEven } from './round-half-even.js';

/** GB2 fit to ACS 2023 incomes (spec 1.1; sethkarten/LLM-Economist@ca46185a). */
export const US_INCOME_GB2 = { mu: 72402.78, sigma: 2.07211, nu: 0.486519, tau: 1.14104 } as const;

/** Uniform skill range of the `uniform` mix (spec 1.1). */
export const UNIFORM_SKILL_RANGE = [1.24, 159.1] as const;

/** `us-income-stratified`: the GB2 fit, sampled bracket by bracket so every tax bracket gets a minimum of workers. */
export type SkillDistribution = 'us-income' | 'uniform' | 'us-income-stratified';

type Gb2 = { mu: number; sigma: number; nu: number; tau: number };

/** q(p) = μ·((ν/τ)·F⁻¹_{F(2ν, 2τ)}(p))^{1/σ}: the GB2 income quantile in dollars per year. */
export function gb2Quantile(p: number, g: Gb2 = US_INCOME_GB2): number {
  return g.mu * ((g.nu / g.tau) * fQuantile(p, 2 * g.nu, 2 * g.tau)) ** (1 / g.sigma);
}

/**
 * The GB2 income CDF: F(x) = I_v(ν, τ) with v = r/(1 + r), r = (x/μ)^σ (the inverse of gb2Quantile: (ν/τ)·W for
 * W ~ F(2ν, 2τ) is B/(1 − B) with B ~ Beta(ν, τ)).
 */
export function gb2Cdf(x: number, g: Gb2 = US_INCOME_GB2): number {
  if (x <= 0) return 0;
  const r = (x / g.mu) ** g.sigma;
  return incompleteBeta(r / (1 + r), g.nu, g.tau);
}

/**
 * Workers per bracket for stratified sampling (sethkarten/LLM-Economist@573b547 `rGB2_stratified`): `minPerBracket`
 * each (lowered to max(1, ⌊n/K⌋) when K·min > n), the rest in proportion to the brackets' probabilities p_j,
 * each share rounded (half to even, as Python), and the rounding remainder given to the most probable bracket.
 */
export function stratifiedAllocation(n: number, probabilities: readonly number[], minPerBracket = 5): number[] {
  const k = probabilities.length;
  const min = minPerBracket * k > n ? Math.max(1, Math.floor(n / k)) : minPerBracket;
  const counts = new Array<number>(k).fill(min);
  const remaining = n - min * k;
  if (remaining > 0) {
    const total = probabilities.reduce((a, b) => a + b, 0);
    probabilities.forEach((p, j) => (counts[j]! += roundHalfEven((remaining * p) / total)));
    const largest = probabilities.indexOf(Math.max(...probabilities));
    counts[largest]! += n - counts.reduce((a, b) => a + b, 0);
  }
  return counts;
}

/**
 * `n` skills (income / 40) from the GB2 fit, stratified over the tax `brackets` (edges in dollars): bracket j gets
 * its allocation of draws uniform in [F(b_j), F(b_{j+1})] (the top bracket reaches 1), pushed through the quantile,
 * so within a bracket the draws follow the GB2 conditioned on that bracket. The result is shuffled with `rng`.
 */
export function sampleStratifiedSkills(n: number, brackets: readonly number[], rng: Rng, minPerBracket = 5): number[] {
  const k = brackets.length - 1;
  const cdf = brackets.map((b, j) => (j === k ? 1 : gb2Cdf(b)));
  const counts = stratifiedAllocation(n, cdf.slice(1).map((c, j) => c - (cdf[j] as number)), minPerBracket);
  const eps = 1e-8;
  const out: number[] = [];
  counts.forEach((count, j) => {
    const lo = Math.max(cdf[j] as number, eps);
    const hi = Math.min(cdf[j + 1] as number, 1 - eps);
    for (let i = 0; i < count; i++) out.push(gb2Quantile(lo >= hi ? (lo + hi) / 2 : lo + rng.next() * (hi - lo)) / 40);
  });
  return rng.shuffle(out.slice(0, n));
}

/** `n` skills drawn from `rng` (`us-income-stratified` goes through sampleStratifiedSkills, which needs the brackets). */
export function sampleSkills(n: number, distribution: Exclude<SkillDistribution, 'us-income-stratified'>, rng: Rng): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    if (distribution === 'uniform') out[i] = UNIFORM_SKILL_RANGE[0] + rng.next() * (UNIFORM_SKILL_RANGE[1] - UNIFORM_SKILL_RANGE[0]);
    else {
      let p = rng.next();
      while (p === 0) p = rng.next();
      out[i] = gb2Quantile(p) / 40;
    }
  }
  return out;
}
