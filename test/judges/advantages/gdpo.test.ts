// GDPO vs GRPO (spec 13.4; NVlabs/GDPO@b080e63d0126 README): GRPO normalises the summed reward, so a
// group where one rollout met ONE reward ([0,0] vs [1,0]) and a group where one rollout met BOTH
// ([0,0] vs [1,1]) get the same advantages; GDPO normalises each reward first and keeps them apart.
// Hand computation (eps = 1e-4, unbiased std):
//   std([0,1]) = 0.707107, std([0,2]) = 1.414214
//   GRPO X: ±0.5/(0.707107+1e-4) = ±0.707007;  Y: ±1/(1.414214+1e-4) = ±0.707057   (≈ equal)
//   GDPO X: reward 1 → ±0.707007, reward 2 ([0,0], std 0) → 0;          A_pre = ±0.707007
//        Y: reward 1 → ±0.707007, reward 2 → ±0.707007;                   A_pre = ±1.414014
//   batch: mean 0, std = sqrt((2·0.707007² + 2·1.414014²)/3) = 1.290813
//        → X: ±0.707007/1.290913 = ±0.547680, Y: ±1.414014/1.290913 = ±1.095360
import { describe, expect, it } from 'vitest';
import { gdpoAdvantages } from '../../../src/judges/advantages/gdpo.js';
import { grpoAdvantages } from '../../../src/judges/advantages/grpo.js';

const groupX = [[0, 0], [1, 0]];
const groupY = [[0, 0], [1, 1]];

describe('GRPO collapses distinct reward combinations', () => {
  it('gives the one-reward and the two-reward groups the same advantages', () => {
    const x = grpoAdvantages(groupX);
    const y = grpoAdvantages(groupY);
    expect(x[1]).toBeCloseTo(0.707007, 5);
    expect(y[1]).toBeCloseTo(0.707057, 5);
    expect(x[1]).toBeCloseTo(y[1]!, 3);
    expect(grpoAdvantages(groupX, { eps: 0 })).toEqual(grpoAdvantages(groupY, { eps: 0 }));
  });

  it('applies reward weights before normalising', () => {
    // weights [2, 1]: sums [0, 2] and [0, 3] → both ±(1/std) ≈ ±0.7071
    expect(grpoAdvantages([[0, 0], [1, 0]], { weights: [2, 1], eps: 0 })[1]).toBeCloseTo(0.707107, 5);
  });
});

describe('GDPO separates them', () => {
  it('normalises each reward per group before summing', () => {
    const [x, y] = gdpoAdvantages([groupX, groupY], { batchNormalize: false });
    expect(x![0]).toBeCloseTo(-0.707007, 5);
    expect(x![1]).toBeCloseTo(0.707007, 5);
    expect(y![1]).toBeCloseTo(1.414014, 5);
  });

  it('then normalises over the batch with the same eps', () => {
    const [x, y] = gdpoAdvantages([groupX, groupY]);
    expect(x![1]).toBeCloseTo(0.54768, 4);
    expect(y![0]).toBeCloseTo(-1.09536, 4);
    expect(Math.abs(y![1]!)).toBeGreaterThan(Math.abs(x![1]!) * 1.9);
  });

  it('treats a NaN reward as 0', () => {
    const withNaN = gdpoAdvantages([[[Number.NaN, 1], [1, 0]]], { batchNormalize: false });
    const withZero = gdpoAdvantages([[[0, 1], [1, 0]]], { batchNormalize: false });
    expect(withNaN).toEqual(withZero);
  });

  it('gives a one-rollout group a zero advantage instead of NaN', () => {
    expect(gdpoAdvantages([[[1, 1]]], { batchNormalize: false })).toEqual([[0]]);
  });
});
