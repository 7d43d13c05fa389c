// Saez rates on a five-person economy, checked by hand (spec 1.5).
import { describe, expect, it } from 'vitest';
import { empiricalCdf, gaussianKde, saezRates } from '../../../src/games/economist/index.js';

const incomes = [5, 15, 30, 60, 80];
const brackets = [0, 20, 50, 1000];

describe('gaussianKde', () => {
  it("uses Scott's bandwidth: two points 0 and 2 at x = 1", () => {
    const h = Math.SQRT2 * 2 ** -0.2;
    expect(gaussianKde([0, 2], 1)).toBeCloseTo((2 * Math.exp(-0.5 / h ** 2)) / (2 * h * Math.sqrt(2 * Math.PI)), 12);
  });
});

describe('saezRates', () => {
  // Weights ∝ 1/z: (1/5, 1/15, 1/30, 1/60, 1/80) / (79/240) = (48, 16, 8, 4, 3)/79.
  const rates = saezRates({ incomes, brackets, elasticity: 0.5 });

  it('top bracket: m = mean(60, 80) = 70, a = 70/(70 − 50) = 3.5, F(70) = 4/5, G = (3/79)/(1/5) = 15/79', () => {
    // τ = (64/79)/(64/79 + 3.5·0.5) = 64/202.25
    expect(rates[2]).toBeCloseTo((100 * 64) / 202.25, 9);
  });

  it('lower brackets: z = midpoint, a = z·f(z)/(1 − F(z)) with the KDE density', () => {
    expect(empiricalCdf(incomes, 10)).toBe(0.2);
    const mean = 38;
    const h = Math.sqrt(3930 / 4) * 5 ** -0.2; // squared deviations 1089 + 529 + 64 + 484 + 1764 = 3930
    const f = (x: number) => incomes.reduce((s, v) => s + Math.exp(-0.5 * ((x - v) / h) ** 2), 0) / (5 * h * Math.sqrt(2 * Math.PI));
    expect(incomes.reduce((a, b) => a + b, 0) / 5).toBe(mean);
    // Bracket 0: z = 10, 1 − F = 0.8, G = (1 − 48/79)/0.8.
    const a0 = (10 * f(10)) / 0.8;
    const G0 = (31 / 79) / 0.8;
    expect(rates[0]).toBeCloseTo((100 * (1 - G0)) / (1 - G0 + a0 * 0.5), 9);
    // Bracket 1: z = 35, 1 − F = 0.4, G = (7/79)/0.4.
    const a1 = (35 * f(35)) / 0.4;
    const G1 = (7 / 79) / 0.4;
    expect(rates[1]).toBeCloseTo((100 * (1 - G1)) / (1 - G1 + a1 * 0.5), 9);
  });

  it('takes one elasticity per bracket and clips to [0, 100]', () => {
    const perBracket = saezRates({ incomes, brackets, elasticity: [0.5, 0.5, 0] });
    expect(perBracket[2]).toBe(100);
    expect(() => saezRates({ incomes, brackets, elasticity: [1, 2] })).toThrow(/2 elasticities for 3 brackets/);
    expect(saezRates({ incomes: [1, 2], brackets: [0, 10, 100], elasticity: 1 })[1]).toBe(0); // nobody in the top bracket
  });
});
