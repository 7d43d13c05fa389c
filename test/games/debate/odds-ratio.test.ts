// The 2×2 odds ratio with Woolf's 95% interval (Woolf 1955; spec 8.2 reports the debate effect as odds).
// Expected values were worked by hand: OR = a·d/(b·c), SE = sqrt(1/a+1/b+1/c+1/d), CI = exp(ln OR ± 1.96·SE).
import { describe, expect, it } from 'vitest';
import { oddsRatio } from '../../../src/games/debate/odds-ratio.js';

describe('odds ratio of a 2×2 table', () => {
  it('6 of 10 moved in the condition, 3 of 10 in the baseline: OR = (6/4)/(3/7) = 3.5', () => {
    const r = oddsRatio({ a: 6, b: 4, c: 3, d: 7 });
    expect(r.oddsRatio).toBeCloseTo(3.5, 12);
    // SE = sqrt(1/6 + 1/4 + 1/3 + 1/7) = sqrt(0.892857) = 0.944911
    expect(r.standardError).toBeCloseTo(0.944911, 6);
    // exp(1.252763 ∓ 1.959964 · 0.944911) = exp(-0.599229), exp(3.104755)
    expect(r.ciLow).toBeCloseTo(0.549235, 5);
    expect(r.ciHigh).toBeCloseTo(22.3038, 3);
    expect(r.corrected).toBe(false);
  });

  it('equal odds give 1 and an interval around it', () => {
    const r = oddsRatio({ a: 5, b: 5, c: 5, d: 5 });
    expect(r.oddsRatio).toBe(1);
    expect(r.ciLow).toBeLessThan(1);
    expect(r.ciHigh).toBeCloseTo(1 / r.ciLow, 12);
  });

  it('an empty cell adds 0.5 everywhere (Haldane–Anscombe): (5.5·3.5)/(0.5·2.5) = 15.4', () => {
    const r = oddsRatio({ a: 5, b: 0, c: 2, d: 3 });
    expect(r.corrected).toBe(true);
    expect(r.oddsRatio).toBeCloseTo(15.4, 12);
    expect(Number.isFinite(r.ciHigh)).toBe(true);
  });

  it('rejects non-counts', () => {
    expect(() => oddsRatio({ a: 1.5, b: 1, c: 1, d: 1 })).toThrow(/cell a must be a count/);
  });
});
