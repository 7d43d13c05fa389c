// Worker skills (hourly wage v), spec 1.1: from the GB2 fit to US income (v = draw / 40) or uniform.
import type { Rng } from '../../core/rng.js';
import { fQuantile } from './f-distribution.js';

/** GB2 fit to ACS 2023 incomes (spec 1.1; sethkarten/LLM-Economist@ca46185a). */
export const US_INCOME_GB2 = { mu: 72402.78, sigma: 2.07211, nu: 0.486519, tau: 1.14104 } as const;

/** Uniform skill range of the `uniform` mix (spec 1.1). */
export const UNIFORM_SKILL_RANGE = [1.24, 159.1] as const;

export type SkillDistribution = 'us-income' | 'uniform';

/** q(p) = μ·((ν/τ)·F⁻¹_{F(2ν, 2τ)}(p))^{1/σ}: the GB2 income quantile in dollars per year. */
export function gb2Quantile(p: number, g: { mu: number; sigma: number; nu: number; tau: number } = US_INCOME_GB2): number {
  return g.mu * ((g.nu / g.tau) * fQuantile(p, 2 * g.nu, 2 * g.tau)) ** (1 / g.sigma);
}

/** `n` skills drawn from `rng`. */
export function sampleSkills(n: number, distribution: SkillDistribution, rng: Rng): number[] {
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
