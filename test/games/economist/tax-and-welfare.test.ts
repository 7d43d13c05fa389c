// Tax, utility and welfare against hand-computed tables (spec 1.1).
import { describe, expect, it } from 'vitest';
import { bracketOf, BRACKETS, socialWelfare, taxOwed, US_FED_RATES, workerUtility } from '../../../src/games/economist/index.js';

describe('taxOwed', () => {
  it('US federal 2024, single filer: $50,000 and $250,000 by hand', () => {
    // 50,000: 11,600·10% + 35,550·12% + 2,850·22% = 1,160 + 4,266 + 627
    expect(taxOwed(50_000, US_FED_RATES, BRACKETS['us-fed'])).toBeCloseTo(6_053, 6);
    // 250,000: 1,160 + 4,266 + 53,375·22% + 91,425·24% + 51,775·32% + 6,275·35%
    expect(taxOwed(250_000, US_FED_RATES, BRACKETS['us-fed'])).toBeCloseTo(1_160 + 4_266 + 11_742.5 + 21_942 + 16_568 + 2_196.25, 6);
  });
  it.each([
    [0, 0],
    [4_000, 400],
    [90_000, 9_000],
    [120_000, 9_000 + 6_000],
    [200_000, 9_000 + 69_100 * 0.2 + 40_900 * 0.3],
  ])('three brackets at 10/20/30 %%: income %s pays %s', (income, tax) => expect(taxOwed(income, [10, 20, 30], BRACKETS.three)).toBeCloseTo(tax, 6));
  it('taxes nothing above the 10^7 cap and applies a flat rate below it', () => {
    expect(taxOwed(2e7, [50], BRACKETS.flat)).toBeCloseTo(5e6, 3);
    expect(taxOwed(1_000, [25], BRACKETS.flat)).toBeCloseTo(250, 9);
  });
  it('finds brackets with upper edges included', () => {
    expect([0, 90_000, 90_001, 159_100, 2e7].map((z) => bracketOf(z, BRACKETS.three))).toEqual([0, 0, 1, 1, 2]);
  });
});

describe('utility and welfare', () => {
  // Skills 100, 1000, 3000 at 40 h: incomes 4,000, 40,000, 120,000; taxes at 10/20/30 %: 400, 4,000, 15,000.
  // Rebate R = 19,400 / 3; labor cost 0.0005·40^3.5 = 0.0005·404,771.5405 = 202.38577.
  const incomes = [4_000, 40_000, 120_000];
  const taxes = [400, 4_000, 15_000];
  const R = 19_400 / 3;
  const cost = 0.0005 * 64_000 * Math.sqrt(40);
  const u = incomes.map((z, i) => workerUtility(z, taxes[i]!, R, 40));
  it('u = z − tax + R − c·l^δ', () => {
    expect(cost).toBeCloseTo(202.38577, 4);
    expect(u[0]).toBeCloseTo(4_000 - 400 + 6_466.6667 - 202.38577, 3);
    expect(u[2]).toBeCloseTo(120_000 - 15_000 + 6_466.6667 - 202.38577, 3);
  });
  it('inverse-income SWF is Σ u/max(z, 1); utilitarian is Σ u', () => {
    expect(socialWelfare(u, incomes, 'inverse-income')).toBeCloseTo(u[0]! / 4_000 + u[1]! / 40_000 + u[2]! / 120_000, 9);
    expect(socialWelfare(u, incomes, 'utilitarian')).toBeCloseTo(u[0]! + u[1]! + u[2]!, 6);
    expect(socialWelfare([10], [0], 'inverse-income')).toBe(10);
  });
});
