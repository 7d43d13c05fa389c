// Stratified GB2 skills (spec 1.1 "at least 5 agents per bracket"; sethkarten/LLM-Economist@573b547
// utils/common.py `rGB2_stratified`).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import {
  BRACKETS,
  bracketOf,
  createEconomist,
  economistParamsSchema,
  gb2Cdf,
  gb2Quantile,
  sampleStratifiedSkills,
  stratifiedAllocation,
} from '../../../src/games/economist/index.js';

describe('the GB2 income CDF', () => {
  it.each([0.01, 0.1, 0.5, 0.9, 0.999])('inverts the quantile at p = %s', (p) => {
    expect(gb2Cdf(gb2Quantile(p))).toBeCloseTo(p, 9);
  });
  it('is 0 at or below 0 and increasing', () => {
    expect(gb2Cdf(0)).toBe(0);
    expect(gb2Cdf(90_000)).toBeLessThan(gb2Cdf(159_100));
  });
});

describe('workers per bracket', () => {
  it.each([
    // 3 brackets, 20 workers: 5 each, 5 left; 5·0.5 = 2.5 → 2 (half to even), 5·0.3 = 1.5 → 2, 5·0.2 = 1 → 1.
    [20, [0.5, 0.3, 0.2], [7, 7, 6]],
    // 10 workers cannot give 5 to each of 3 brackets: the minimum drops to ⌊10/3⌋ = 3; the 1 left: 0.7 → 1, 0.2 → 0, 0.1 → 0.
    [10, [0.7, 0.2, 0.1], [4, 3, 3]],
    // 85 left: 76.5 → 76, 7.65 → 8, 0.85 → 1 (sum 100, no remainder).
    [100, [0.9, 0.09, 0.01], [81, 13, 6]],
    // 81 left: 40.5 → 40, 40.5 → 40 (half to even); the remainder 1 goes to the first most probable bracket.
    [96, [0.5, 0.5, 0], [46, 45, 5]],
  ])('%s workers over probabilities %j -> %j', (n, p, expected) => {
    expect(stratifiedAllocation(n, p, 5)).toEqual(expected);
  });
});

const countByBracket = (skills: number[], brackets: readonly number[]): number[] => {
  const counts = new Array<number>(brackets.length - 1).fill(0);
  for (const v of skills) counts[bracketOf(v * 40, brackets)]! += 1;
  return counts;
};

describe('stratified skills in the game', () => {
  const workers = Array.from({ length: 100 }, (_, i) => `w${i}`);
  const skillsOf = (skills: string, seed: number) =>
    createEconomist(economistParamsSchema.parse({ brackets: 'us-fed', skills }), ['planner', ...workers]).init(Rng.fromSeed(seed)).skills;

  it('puts at least 5 of 100 workers in each of the 7 us-fed brackets, exactly as allocated', () => {
    const b = BRACKETS['us-fed'];
    const cdf = b.map((x, j) => (j === b.length - 1 ? 1 : gb2Cdf(x)));
    const allocation = stratifiedAllocation(100, cdf.slice(1).map((c, j) => c - cdf[j]!), 5);
    for (const seed of [1, 2, 3]) {
      const counts = countByBracket(skillsOf('us-income-stratified', seed), b);
      expect(counts).toEqual(allocation);
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(5);
    }
    // Plain GB2 draws leave the top brackets (≥ $243,725 a year) nearly empty.
    expect(Math.min(...countByBracket(skillsOf('us-income', 1), b))).toBeLessThan(5);
  });

  it('within each bracket the draws follow the GB2 conditioned on the bracket (Kolmogorov–Smirnov, 1 % level)', () => {
    const b = BRACKETS.three;
    const skills = sampleStratifiedSkills(3000, b, Rng.fromSeed(5), 5);
    for (let j = 0; j < b.length - 1; j++) {
      const lo = gb2Cdf(b[j]!);
      const hi = j === b.length - 2 ? 1 : gb2Cdf(b[j + 1]!);
      // Under the GB2 restricted to the bracket, (F(x) − F(lo)) / (F(hi) − F(lo)) is uniform on [0, 1].
      const u = skills
        .filter((v) => bracketOf(v * 40, b) === j)
        .map((v) => (gb2Cdf(v * 40) - lo) / (hi - lo))
        .sort((x, y) => x - y);
      let d = 0;
      u.forEach((x, i) => (d = Math.max(d, (i + 1) / u.length - x, x - i / u.length)));
      expect(u.length).toBeGreaterThan(20);
      expect(d, `bracket ${j} with ${u.length} draws`).toBeLessThan(1.63 / Math.sqrt(u.length));
    }
  });

  it('the same seed gives the same skills, shuffled over workers', () => {
    expect(skillsOf('us-income-stratified', 9)).toEqual(skillsOf('us-income-stratified', 9));
    const s = skillsOf('us-income-stratified', 9);
    expect(s.slice().sort((x, y) => x - y)).not.toEqual(s);
  });
});
