// PURE leave-one-out baselines and verifiable reward (spec 13.1). Hand tables in the comments.
import { describe, expect, it } from 'vitest';
import { pureStepBaseline, pureTokenBaseline, pureVerifiableRewards } from '../../../src/judges/process/pure-baselines.js';

describe('PURE baselines', () => {
  it('token baseline: subtracts the others’ mean reward per token × the step’s tokens', () => {
    // reward per token: A 0/4 = 0, B 2/4 = 0.5, C 3/3 = 1
    // b_A = (0.5+1)/2 = 0.75 → [1 − 1.5, −1 − 1.5]; b_B = 0.5 → [2 − 2]; b_C = 0.25 → [−0.25, −0.25, 2.75]
    const out = pureTokenBaseline([
      { stepRewards: [1, -1], stepTokens: [2, 2] },
      { stepRewards: [2], stepTokens: [4] },
      { stepRewards: [0, 0, 3], stepTokens: [1, 1, 1] },
    ]);
    expect(out).toEqual([[-0.5, -2.5], [0], [-0.25, -0.25, 2.75]]);
  });

  it('step baseline: subtracts the others’ mean per-step reward', () => {
    // per-step means [0, 2, 1]: b_A = 1.5, b_B = 0.5, b_C = 1
    expect(pureStepBaseline([[1, -1], [2], [0, 0, 3]])).toEqual([[-0.5, -2.5], [1.5], [-1, -1, 2]]);
  });

  it('verifiable reward: solved − 1, leave-one-out, times the coefficient', () => {
    // vr = [0, −1, −1, 0]; i0: 0 − (−2/3); i1: −1 − (−1/3)
    const vr = pureVerifiableRewards([true, false, false, true], 1);
    [2 / 3, -2 / 3, -2 / 3, 2 / 3].forEach((v, i) => expect(vr[i]).toBeCloseTo(v, 10));
    expect(pureVerifiableRewards([true, false], 0.5)).toEqual([0.5, -0.5]);
  });
});
