// CAPO token rewards (spec 13.3) with our documented weights W_whole = 1, W_process = 0.5, and GenPRM voting.
import { describe, expect, it } from 'vitest';
import { capoStepRewards, capoTokenRewards } from '../../../src/judges/process/capo.js';
import { voteIncorrectSteps } from '../../../src/judges/process/vote.js';

describe('CAPO rewards', () => {
  it('R = r_v·W_whole − 1[erroneous]·W_process per step', () => {
    expect(capoStepRewards(3, [1], true)).toEqual([1, 0.5, 1]);
    expect(capoStepRewards(3, [1], false)).toEqual([0, -0.5, 0]);
    expect(capoStepRewards(2, [0], true, { whole: 2, process: 1 })).toEqual([1, 2]);
  });
  it('never makes a verified answer net negative with the default weights', () => {
    expect(Math.min(...capoStepRewards(4, [0, 1, 2, 3], true))).toBeGreaterThan(0);
  });
  it('spreads each step reward over the step’s tokens', () => {
    expect(capoTokenRewards([2, 1, 1], [1], true)).toEqual([1, 1, 0.5, 1]);
  });
});

describe('voting over critiques', () => {
  // counts of flags per step over 3 critiques: [0, 2, 2, 1]
  const critiques = [[1, 2], [1], [2, 3]];
  it('majority: flagged by more than half', () => {
    expect(voteIncorrectSteps(critiques, 4, 'majority')).toEqual([1, 2]);
  });
  it('intersection: flagged by every critique', () => {
    expect(voteIncorrectSteps(critiques, 4, 'intersection')).toEqual([]);
    expect(voteIncorrectSteps([[1, 2], [2]], 4, 'intersection')).toEqual([2]);
  });
  it('a 1-of-2 tie is not a majority; out-of-range indices are ignored', () => {
    expect(voteIncorrectSteps([[1, 9], [1, 2]], 4)).toEqual([1]);
  });
});
