// Sotopia-RL utterance rewards (spec 12; sotopia-lab/sotopia-rl@2ebb14ea4802): r = (a/S)·D_d, a = −1 → −1.
import { describe, expect, it } from 'vitest';
import { SOTOPIA_DIMENSIONS, sotopiaCombinedRewards, sotopiaUtteranceReward } from '../../../src/judges/rewards/sotopia.js';

describe('utterance reward', () => {
  it.each([
    [2, 'default', 9, 6], // 2/3 · 9
    [5, '5_scale', -4, -4], // 5/5 · (−4) on relationship
    [7, '10_scale', 10, 7],
    [-1, 'default', 9, -1], // special penalty
    [0, 'default', 9, 0],
  ] as const)('a=%d on %s with D=%d → %d', (a, scale, d, r) => {
    expect(sotopiaUtteranceReward(a, scale, d)).toBeCloseTo(r, 12);
  });
});

describe('goal_w_relationship_knowledge', () => {
  it('min-max normalises each dimension over the dataset, then 10·mean', () => {
    // goal [0,5,10] → [0,.5,1]; relationship [−1,1,3] → [0,.5,1]; knowledge constant → 0
    const r = sotopiaCombinedRewards({ goal: [0, 5, 10], relationship: [-1, 1, 3], knowledge: [2, 2, 2] });
    [0, 10 / 3, 20 / 3].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 12));
  });
});

describe('dimensions', () => {
  it('ships the seven SOTOPIA ranges', () => {
    expect(Object.fromEntries(Object.entries(SOTOPIA_DIMENSIONS).map(([k, v]) => [k, [v.min, v.max]]))).toEqual({
      goal: [0, 10],
      believability: [0, 10],
      knowledge: [0, 10],
      relationship: [-5, 5],
      secret: [-10, 0],
      social_rules: [-10, 0],
      financial_and_material_benefits: [-5, 5],
    });
  });
});
