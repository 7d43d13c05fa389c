// Credit forms (spec 13.1; PURE min-form from CJReinforce/PURE@41f9363b8cc4 openrlhf/utils/utils.py).
import { describe, expect, it } from 'vitest';
import { minFormReturns, minFormRewards, sumFormReturns } from '../../../src/judges/process/credit.js';

describe('sum-form returns', () => {
  it('discounts future rewards: [1,2,3], γ=0.5 → [2.75, 3.5, 3]', () => {
    expect(sumFormReturns([1, 2, 3], 0.5)).toEqual([2.75, 3.5, 3]);
  });
  it('is a reverse cumsum with γ=1', () => {
    expect(sumFormReturns([1, -1, 2])).toEqual([2, 1, 2]);
  });
});

describe('min-form (PURE)', () => {
  // r = [0.5, −0.5, 0.9], T = 0.1: logits −r/T = [−5, 5, −9]; softmax ≈ [4.540e-5, 0.999954, 8.3e-7]
  // r' = w·r ≈ [2.27e-5, −0.499977, 7.5e-7], Σ ≈ −0.49995 ≈ min(r) = −0.5
  it('puts almost all weight on the worst step', () => {
    const r = minFormRewards([0.5, -0.5, 0.9]);
    expect(r[0]).toBeCloseTo(2.27e-5, 6);
    expect(r[1]).toBeCloseTo(-0.499977, 5);
    expect(r.reduce((a, b) => a + b, 0)).toBeCloseTo(-0.5, 3);
  });
  it('makes each return (about) the worst step still ahead', () => {
    const g = minFormReturns([0.5, -0.5, 0.9]);
    expect(g[0]).toBeCloseTo(-0.5, 3);
    expect(g[2]).toBeCloseTo(7.5e-7, 6);
  });
  it('uses uniform weights when asked (disable_weighted_reward)', () => {
    expect(minFormRewards([3, 6], { uniform: true })).toEqual([1.5, 3]);
  });
  it('approaches the plain mean-weighted sum at a high temperature', () => {
    const r = minFormRewards([1, -1], { temperature: 1e6 });
    expect(r[0]! + r[1]!).toBeCloseTo(0, 5);
  });
});
