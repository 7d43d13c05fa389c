// CoMAS (spec 10; wt-2048/comas@144962ff7ef3): s = (n−1)/2; solver s, evaluator 1−s, scorer 0 / −1.
import { describe, expect, it } from 'vitest';
import { comasRewards, parseComasScore } from '../../../src/games/rewards/comas.js';

describe('CoMAS score parsing', () => {
  it.each([
    ['Fine work. <score>3</score>', 3, 'tag'],
    ['<score>1</score> on reflection <score>2</score>', 2, 'tag'],
    ['I would give it a 3, no wait, a 1.', 1, 'fallback'],
    ['Score: 10 out of 10', 2, 'default'],
    ['no number here', 2, 'default'],
  ] as const)('%j → %d (%s)', (text, score, source) => {
    expect(parseComasScore(text)).toEqual({ score, source });
  });
  it('returns null when the scorer wrote nothing', () => {
    expect(parseComasScore('')).toBeNull();
    expect(parseComasScore(undefined)).toBeNull();
  });
});

describe('CoMAS rewards', () => {
  it.each([
    [3, { solver: 1, evaluator: 0, scorer: 0 }],
    [2, { solver: 0.5, evaluator: 0.5, scorer: 0 }],
    [1, { solver: 0, evaluator: 1, scorer: 0 }],
  ] as const)('score %d', (score, expected) => {
    expect(comasRewards({ score, source: 'tag' })).toEqual(expected);
  });
  it('penalises a scorer that produced no score', () => {
    expect(comasRewards(null)).toEqual({ solver: 0, evaluator: 0, scorer: -1 });
  });
});
