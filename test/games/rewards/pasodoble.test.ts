// PasoDoble (spec 7; HCY123902/PasoDoble@16dae4f3cd8f): r = 1.1 − p + 0.2·d with τ_low 0.2 and d ≤ 0.3 → 0.
import { describe, expect, it } from 'vitest';
import {
  jaccard,
  pasodobleDiversity,
  pasodobleInvalidReasons,
  pasodobleProposerReward,
  pasodobleSolverReward,
  scorePasodobleProposal,
  tokenSet,
} from '../../../src/games/rewards/pasodoble.js';

describe('proposer reward', () => {
  it.each([
    [0.5, 0.5, 0.7], // 1.1 − 0.5 + 0.1
    [1, 1, 0.3], // 1.1 − 1 + 0.2
    [0.2, 1, 0], // p ≤ τ_low
    [0.5, 0.3, 0], // d ≤ 0.3
    [0.25, 0.31, 0.912], // 1.1 − 0.25 + 0.062
  ])('p=%d, d=%d → %d', (p, d, r) => {
    expect(pasodobleProposerReward(p, d)).toBeCloseTo(r, 10);
  });
});

describe('diversity', () => {
  it('token-set Jaccard', () => {
    expect(jaccard(tokenSet('a b c'), tokenSet('a b d'))).toBe(0.5);
  });
  it('counts past questions with similarity ≤ 0.8', () => {
    // vs "what is two plus two": 1.0 (too similar); vs "... plus three": 4/5 = 0.8 (counts) → d = 1/2
    expect(pasodobleDiversity('What is two plus two', ['what is two plus two', 'what is two plus three'])).toBe(0.5);
    expect(pasodobleDiversity('anything', [])).toBe(1);
  });
  it('looks only at the last 100 accepted questions', () => {
    const history = ['same question here', ...new Array(100).fill('other words entirely')];
    expect(pasodobleDiversity('same question here', history)).toBe(1);
  });
});

describe('validity and solver reward', () => {
  it('rejects reward hacks', () => {
    expect(pasodobleInvalidReasons('What is 2+2?', '4')).toEqual([]);
    expect(pasodobleInvalidReasons('Compute \\boxed{4}', '4')).toContain('question contains \\boxed{}');
    expect(pasodobleInvalidReasons('Is it 4?', '4')).toContain('answer contained in the question');
    expect(pasodobleInvalidReasons('', '4')).toContain('missing question');
  });
  it('solver gets 1 when its boxed answer verifies', () => {
    expect(pasodobleSolverReward('so \\boxed{1/2}', '0.5')).toBe(1);
    expect(pasodobleSolverReward('so 0.5', '0.5')).toBe(0);
    expect(pasodobleSolverReward('\\boxed{Paris}', 'paris')).toBe(1);
  });
  it('scores a proposal end to end and grows the history only when rewarded', () => {
    const r = scorePasodobleProposal({
      question: 'What is 7 times 6?',
      answer: '42',
      solverTexts: ['\\boxed{42}', '\\boxed{41}', '\\boxed{42}', '\\boxed{13}'],
      history: [],
    });
    expect(r.passingRate).toBe(0.5);
    expect(r.proposerReward).toBeCloseTo(0.8, 10); // 1.1 − 0.5 + 0.2·1
    expect(r.history).toEqual(['What is 7 times 6?']);
    const easy = scorePasodobleProposal({ question: 'Q?', answer: 'A', solverTexts: ['x'], history: [] });
    expect(easy.proposerReward).toBe(0);
    expect(easy.history).toEqual([]);
  });
});
