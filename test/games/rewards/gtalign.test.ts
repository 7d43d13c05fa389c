// GTAlign (spec 14; ulab-uiuc/GTAlign@1e3536026a5a tasks/math_hard.py).
import { describe, expect, it } from 'vitest';
import {
  chooseStrategy,
  gtalignRewards,
  lenLogistic,
  nashSocialWelfare,
  paretoFrontier,
  parseGtalign,
  payoffReward,
  reasoningPenalty,
  type PayoffMatrix,
} from '../../../src/games/rewards/gtalign.js';

const matrix: PayoffMatrix = {
  DQ_AQ: { LLM: 2, user: 3 },
  DQ_CQ: { LLM: 1, user: 1 },
  DQ_DA: { LLM: 3, user: 2 },
  VQ_AQ: { LLM: 2, user: 2.1 },
  VQ_CQ: { LLM: 0, user: 0 },
  VQ_DA: { LLM: 3, user: 2 },
};

describe('decision rule', () => {
  it('keeps the non-dominated cells (equal cells both stay)', () => {
    expect(paretoFrontier(matrix)).toEqual(['DQ_AQ', 'DQ_DA', 'VQ_DA']);
  });
  it('maximises LLM + user, ties broken by the user payoff', () => {
    // all three frontier cells sum to 5; DQ_AQ has the highest user payoff (3)
    expect(chooseStrategy(matrix)).toBe('DQ_AQ');
    expect(chooseStrategy({ ...matrix, DQ_DA: { LLM: 4, user: 2 } })).toBe('DQ_DA');
  });
});

describe('reward terms', () => {
  it('payoff_reward counts unequal and >10%-apart cells, 1/12 each', () => {
    // DQ_AQ 2/12, DQ_CQ 0, DQ_DA 2/12, VQ_AQ 1/12 (0.1/2.1 ≤ 0.1), VQ_CQ 0, VQ_DA 2/12 → 7/12
    expect(payoffReward(matrix)).toBeCloseTo(7 / 12, 12);
  });
  it('len_logistic = σ(k(len − L_min))·σ(k(L_max − len))', () => {
    // 20 words, (20, 500): σ(0)·σ(2.4) = 0.5 · 0.916827
    expect(lenLogistic(new Array(20).fill('w').join(' '), 20, 500)).toBeCloseTo(0.458414, 6);
  });
  it('reasoning_penalty = exp(−chars/scale)', () => {
    expect(reasoningPenalty('x'.repeat(500), 500)).toBeCloseTo(Math.exp(-1), 12);
  });
  it('mutual welfare is the geometric mean of user and LLM rewards', () => {
    const text = `<thinking>${'t'.repeat(500)}</thinking><payoff>${JSON.stringify(matrix)}</payoff><analyze>a</analyze><response>${new Array(20).fill('w').join(' ')}</response>`;
    const r = gtalignRewards({ text, answer: 1 });
    // user = 1e-4 + 0.5 + 0.2·0.458414 + 0.3·e^−1 = 0.702147
    expect(r.user).toBeCloseTo(1e-4 + 0.5 + 0.2 * 0.458414 + 0.3 * Math.exp(-1), 5);
    expect(r.format).toBe(1);
    expect(r.payoffReward).toBeCloseTo(7 / 12, 12);
    expect(r.welfare).toBeCloseTo(Math.sqrt(r.user * r.llm), 12);
  });
  it('a broken format gets format 0', () => {
    expect(parseGtalign('<thinking>x</thinking><response>y</response>')).toBeNull();
    expect(gtalignRewards({ text: 'just an answer', answer: 0 }).format).toBe(0);
  });
  it('NSW over samples', () => {
    expect(nashSocialWelfare([{ user: 0.25, llm: 0.64 }], 0)).toBeCloseTo(0.4, 12);
  });
});
