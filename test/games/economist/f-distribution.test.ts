// Quantiles checked against closed forms of special cases (Johnson, Kotz & Balakrishnan, Continuous Univariate
// Distributions vol. 2, ch. 25 and 27): Beta(a, 1) has CDF x^a, Beta(1, b) has 1 − (1 − x)^b, Beta(½, ½) is the
// arcsine law 2/π·asin(√x), and F(d, d) has median 1.
import { describe, expect, it } from 'vitest';
import { fQuantile, gb2Quantile, incompleteBeta, inverseIncompleteBeta, logGamma, US_INCOME_GB2 } from '../../../src/games/economist/index.js';

describe('logGamma', () => {
  it.each([
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [1, 0],
    [5, Math.log(24)],
    [10.5, Math.log(1133278.3889487855)], // Γ(10.5) = 9.5·8.5·…·0.5·√π
  ])('ln Γ(%s)', (x, expected) => expect(logGamma(x)).toBeCloseTo(expected, 10));
});

describe('incompleteBeta', () => {
  it.each([0.01, 0.3, 0.5, 0.77, 0.999])('matches closed forms at x = %s', (x) => {
    expect(incompleteBeta(x, 0.486519, 1)).toBeCloseTo(x ** 0.486519, 12);
    expect(incompleteBeta(x, 1, 1.14104)).toBeCloseTo(1 - (1 - x) ** 1.14104, 12);
    expect(incompleteBeta(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 12);
  });
});

describe('fQuantile', () => {
  it.each([0.05, 0.25, 0.5, 0.9, 0.99])('F(2, 2) at p = %s is p/(1 − p)', (p) => expect(fQuantile(p, 2, 2)).toBeCloseTo(p / (1 - p), 10));
  it.each([0.1, 0.5, 0.95])('F(1, 1) at p = %s is tan²(πp/2)', (p) => expect(fQuantile(p, 1, 1)).toBeCloseTo(Math.tan((Math.PI * p) / 2) ** 2, 9));
  it('F(2, d2) inverts 1 − (1 + 2F/d2)^(−d2/2), with the GB2 shape d2 = 2τ', () => {
    const d2 = 2 * US_INCOME_GB2.tau;
    for (const p of [0.1, 0.5, 0.9]) expect(fQuantile(p, 2, d2)).toBeCloseTo((d2 / 2) * ((1 - p) ** (-2 / d2) - 1), 9);
  });
  it('F(d, d) has median 1 for the GB2 shape d = 2ν', () => expect(fQuantile(0.5, 0.973038, 0.973038)).toBeCloseTo(1, 10));
  it('round-trips through the incomplete beta for the GB2 shapes', () => {
    for (const p of [1e-6, 0.2, 0.6, 0.999999]) expect(incompleteBeta(inverseIncompleteBeta(p, 0.486519, 1.14104), 0.486519, 1.14104)).toBeCloseTo(p, 12);
  });
});

describe('gb2Quantile', () => {
  it('is the inverse of the GB2 CDF I_{y/(1+y)}(ν, τ) with y = (q/μ)^σ', () => {
    const { mu, sigma, nu, tau } = US_INCOME_GB2;
    for (const p of [0.1, 0.5, 0.9]) {
      const y = (gb2Quantile(p) / mu) ** sigma;
      expect(incompleteBeta(y / (1 + y), nu, tau)).toBeCloseTo(p, 10);
    }
  });
});
