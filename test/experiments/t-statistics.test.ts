import { describe, expect, it } from 'vitest';
import { pairedDifference, summarize } from '../../src/experiments/stats/t-statistics.js';

// Student's sleep data (R datasets::sleep): extra hours of sleep of 10 patients under two drugs.
// R 4.x: t.test(extra ~ group, data = sleep, paired = TRUE) on group 2 minus group 1 gives
// mean difference 1.58, t = 4.0621, df = 9, p-value = 0.002833, 95% CI [0.7001142, 2.4598858].
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('t statistics', () => {
  it('match R on the paired sleep data', () => {
    const d = pairedDifference('drug1', 'drug2', drug1.map((x, i) => [x, drug2[i]!] as const));
    expect(d.n).toBe(10);
    expect(d.mean).toBeCloseTo(1.58, 10);
    expect(d.ci95![0]).toBeCloseTo(0.7001142, 6);
    expect(d.ci95![1]).toBeCloseTo(2.4598858, 6);
    expect(d.p).toBeCloseTo(0.002833, 6);
  });

  it('give a one-sample t interval worked by hand', () => {
    // 1, 2, 3, 4, 5: mean 3, sd sqrt(2.5); t(0.975, 4) = 2.776445 (tables); half width 2.776445 * sqrt(2.5) / sqrt(5).
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    const half = 2.776445 * Math.sqrt(2.5 / 5);
    expect(s.ci95![0]).toBeCloseTo(3 - half, 5);
    expect(s.ci95![1]).toBeCloseTo(3 + half, 5);
  });

  it('say what is unknown with fewer than two values, and handle zero spread', () => {
    expect(summarize([])).toEqual({ n: 0, mean: null, sd: null, ci95: null });
    expect(summarize([4])).toEqual({ n: 1, mean: 4, sd: null, ci95: null });
    expect(pairedDifference('a', 'b', [[1, 3], [2, 4]]).p).toBe(0);
    expect(pairedDifference('a', 'b', [[1, 1], [2, 2]]).p).toBe(1);
    expect(pairedDifference('a', 'b', [[1, 2]]).p).toBeNull();
  });
});
