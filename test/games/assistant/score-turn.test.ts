// The Pareto rule and the mutual-welfare scoring of one assistant turn, against hand-computed values.
// Formulas: spec 14 (GTAlign, Zhang et al., arXiv 2510.08872; ulab-uiuc/GTAlign@1e3536026a5a tasks/math_hard.py).
import { describe, expect, it } from 'vitest';
import { scoreTurn } from '../../../src/games/assistant/score-turn.js';
import { READING_MATRICES } from '../../../src/games/assistant/strategies.js';
import { starterTasks } from '../../../src/games/assistant/builtin-tasks.js';
import { chooseStrategy, paretoFrontier, payoffReward, type PayoffMatrix } from '../../../src/games/rewards/gtalign.js';

// Five cells on the frontier; three of them tie on LLM + user = 5.
const matrix: PayoffMatrix = {
  DQ_AQ: { LLM: 2, user: 3 }, DQ_CQ: { LLM: 1, user: 1 }, DQ_DA: { LLM: 3, user: 2 },
  VQ_AQ: { LLM: 2.5, user: 2.5 }, VQ_CQ: { LLM: 3.5, user: 1 }, VQ_DA: { LLM: -1, user: 4 },
};
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const trip = starterTasks.find((t) => t.id === 'trip-vague')!; // keywords Porto, October, wine, 300

describe('the Pareto rule on the assistant\'s matrix', () => {
  it('drops only dominated cells and breaks the 5-sum tie by the user payoff', () => {
    // DQ_CQ (1, 1) is beaten by DQ_AQ on both; every other cell is best on some trade-off.
    expect(paretoFrontier(matrix)).toEqual(['DQ_AQ', 'DQ_DA', 'VQ_AQ', 'VQ_CQ', 'VQ_DA']);
    // sums 5, 5, 5, 4.5, 3 → DQ_AQ (user 3) over DQ_DA (user 2) and VQ_AQ (user 2.5)
    expect(chooseStrategy(matrix)).toBe('DQ_AQ');
  });

  it('the scripted assistant\'s matrices each have one dominant cell', () => {
    expect(paretoFrontier(READING_MATRICES.vague)).toEqual(['VQ_CQ']);
    expect(paretoFrontier(READING_MATRICES.borderline)).toEqual(['DQ_AQ']);
    expect(paretoFrontier(READING_MATRICES.definite)).toEqual(['DQ_DA']);
  });
});

describe('scoreTurn', () => {
  // 20 response words (2 of the 4 keywords), a 500-character thinking block without spaces, and no
  // whitespace between blocks, so the whole text has 21 whitespace tokens:
  // "<thinking>…<analyze>Choice:" | "VQ_CQ</analyze><response>Porto" | 18 words | "wine</response>".
  const words = ['Porto', ...new Array(18).fill('w'), 'wine'];
  const text = `<thinking>${'x'.repeat(500)}</thinking><payoff>${JSON.stringify(matrix)}</payoff><analyze>Choice: VQ_CQ</analyze><response>${words.join(' ')}</response>`;

  it('checks the declared cell against the rule and scores by mutual welfare', () => {
    const r = scoreTurn(text, trip);
    expect(r).toMatchObject({ parsed: true, declared: 'VQ_CQ', pareto: 'DQ_AQ', consistent: false, strategy: 'CQ', answer: 0.5, format: 1 });
    // payoff_reward: DQ_AQ 2/12, DQ_CQ 0 (equal), DQ_DA 2/12, VQ_AQ 0 (equal), VQ_CQ 2/12, VQ_DA 2/12 → 8/12
    expect(payoffReward(matrix)).toBeCloseTo(8 / 12, 12);
    expect(r.payoffReward).toBeCloseTo(8 / 12, 12);
    // user = 1e-4 + 0.5·0.5 + 0.2·σ(0)σ(2.4) + 0.3·e^−1 = 0.0001 + 0.25 + 0.091683 + 0.110364 = 0.452147
    expect(r.user).toBeCloseTo(0.452147, 5);
    // llm = 1e-4 + 0.2·1 + 0.2·8/12 + 0.4·0.5 + 0.2·σ(0.005·(21 − 500))·σ(0.005·(1000 − 21))
    const llm = 1e-4 + 0.2 + 0.2 * (8 / 12) + 0.2 + 0.2 * sigmoid(-2.395) * sigmoid(4.895);
    expect(r.llm).toBeCloseTo(llm, 10);
    // = 0.0001 + 0.2 + 0.133333 + 0.2 + 0.2·0.083556·0.992572 = 0.550020
    expect(r.llm).toBeCloseTo(0.55002, 5);
    // welfare = sqrt(0.452147 · 0.550020) = 0.498688
    expect(r.welfare).toBeCloseTo(0.498688, 5);
  });

  it('an unreadable turn scores format 0, payoff_reward 0 and no answer', () => {
    const r = scoreTurn('I think you should go to Porto in October.', trip);
    expect(r).toMatchObject({ parsed: false, matrix: null, declared: null, consistent: false, response: '', answer: 0, format: 0, payoffReward: 0 });
    // user = 1e-4 + 0 + 0.2·σ(−0.1)σ(2.5) + 0.3·e^(−42/500): the whole 42-character text counts as reasoning
    expect(r.user).toBeCloseTo(1e-4 + 0.2 * sigmoid(-0.1) * sigmoid(2.5) + 0.3 * Math.exp(-42 / 500), 10);
  });
});
