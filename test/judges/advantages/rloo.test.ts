// Leave-one-out baselines (spec 13.1/13.2). Hand table: rewards [1,0,0,1] → others' means [1/3, 2/3, 2/3, 1/3].
import { describe, expect, it } from 'vitest';
import { primeRlooTokenRewards, rlooAdvantages } from '../../../src/judges/advantages/rloo.js';

describe('RLOO', () => {
  it('subtracts the mean of the other samples', () => {
    const a = rlooAdvantages([1, 0, 0, 1]);
    [2 / 3, -2 / 3, -2 / 3, 2 / 3].forEach((v, i) => expect(a[i]).toBeCloseTo(v, 10));
  });

  it('has no baseline for a single sample', () => {
    expect(rlooAdvantages([5])).toEqual([0]);
  });

  it("matches PRIME's r·n/(n−1) − Σr̄/(n−1) form on per-token rewards", () => {
    // samples [[1,1],[0,0]]: means [1,0]; token of sample 0: 1·2/1 − 1/1 = 1; sample 1: 0 − 1 = −1
    expect(primeRlooTokenRewards([[1, 1], [0, 0]])).toEqual([[1, 1], [-1, -1]]);
    // constant-per-token samples reduce to plain RLOO on their values
    const prime = primeRlooTokenRewards([[3], [1], [2]]).map((s) => s[0]);
    rlooAdvantages([3, 1, 2]).forEach((v, i) => expect(prime[i]).toBeCloseTo(v, 10));
  });
});
