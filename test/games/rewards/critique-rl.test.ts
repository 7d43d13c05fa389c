// Critique-RL (spec 9; WooooDyy/Critique-RL@06283864a725): stage I ±1, stage II r_help + 0.2 or −1.
import { describe, expect, it } from 'vitest';
import {
  critiqueHelpfulness,
  critiqueMetrics,
  critiqueStageOneReward,
  critiqueStageTwoReward,
  parseCriticVerdict,
} from '../../../src/games/rewards/critique-rl.js';

describe('verdict line', () => {
  it('reads the last verdict, any case', () => {
    expect(parseCriticVerdict('Step 2 is off.\nCorrectness of the final answer: Wrong')).toBe('wrong');
    expect(parseCriticVerdict('correctness of the final answer: wrong ... Correctness of the final answer: **Correct**')).toBe('correct');
    expect(parseCriticVerdict('The answer looks right.')).toBeNull();
  });
});

describe('stage I', () => {
  it.each([
    ['correct', true, 1],
    ['wrong', false, 1],
    ['correct', false, -1],
    ['wrong', true, -1],
    [null, true, -1],
  ] as const)('verdict %s on a first attempt correct=%s → %d', (verdict, correct, r) => {
    expect(critiqueStageOneReward(verdict, correct)).toBe(r);
  });
});

describe('stage II helpfulness tables', () => {
  // rows: (before, after) = c→c, c→w, w→c, w→w
  const cases: Array<[boolean, boolean]> = [[true, true], [true, false], [false, true], [false, false]];
  it.each([
    ['r_refine', [1, 0, 1, 0]],
    ['r_correct', [0.2, 0, 1, 0]],
    ['r_delta', [0, -1, 1, 0]],
  ] as const)('%s', (mode, expected) => {
    expect(cases.map(([b, a]) => critiqueHelpfulness(mode, b, a))).toEqual(expected);
  });
  it('adds 0.2 for a right verdict and overrides with −1 for a wrong or missing one', () => {
    expect(critiqueStageTwoReward({ verdict: 'wrong', firstAttemptCorrect: false, refinementCorrect: true, mode: 'r_delta' })).toBeCloseTo(1.2, 10);
    expect(critiqueStageTwoReward({ verdict: 'correct', firstAttemptCorrect: true, refinementCorrect: true, mode: 'r_correct' })).toBeCloseTo(0.4, 10);
    expect(critiqueStageTwoReward({ verdict: 'correct', firstAttemptCorrect: false, refinementCorrect: true, mode: 'r_refine' })).toBe(-1);
    expect(critiqueStageTwoReward({ verdict: null, firstAttemptCorrect: true, refinementCorrect: true, mode: 'r_refine' })).toBe(-1);
  });
});

describe('metrics', () => {
  it('reports accuracy, transitions and Δ', () => {
    const m = critiqueMetrics([
      { verdict: 'correct', firstAttemptCorrect: true, refinementCorrect: true },
      { verdict: 'wrong', firstAttemptCorrect: false, refinementCorrect: true },
      { verdict: 'correct', firstAttemptCorrect: false, refinementCorrect: false },
      { verdict: null, firstAttemptCorrect: true, refinementCorrect: false },
    ]);
    expect(m.discriminationAccuracy).toBe(0.5);
    expect(m.discriminationOnWrong).toBe(0.5);
    expect(m.wrongToCorrect).toBe(0.25);
    expect(m.delta).toBe(0); // 2/4 correct before, 2/4 after
    expect(m.changeRate).toBe(0.5);
  });
});
