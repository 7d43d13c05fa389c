// Scripted discussants: they work from the question's expression (the reference is never observed) and
// answer in the CoMAS formats, so offline runs exercise the score parser and the accuracy metric.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { parseComasScore } from '../../../src/games/rewards/comas.js';
import { extractBoxed } from '../../../src/games/rewards/extract-answer.js';
import { agreeable, calculator, discussionStrategies } from '../../../src/games/discussion/strategies.js';
import type { DiscussionObservation } from '../../../src/games/discussion/types.js';

const base = { domain: 'math' as const, question: 'Compute 7 + 12 × 3 − 5.', round: 1, rounds: 2 };
const solve: DiscussionObservation = { ...base, step: 'solve', discussion: [] };
const rng = () => Rng.fromSeed(1);

describe('discussion strategies', () => {
  it('the calculator solves exactly, flags wrong answers and scores them 1, right ones 3', () => {
    const calc = discussionStrategies.calculator!;
    expect(extractBoxed(calc.decide(solve, rng()))).toBe('38');
    expect(calc.decide({ ...base, step: 'evaluate', solution: '\\boxed{40}' }, rng())).toMatch(/40 is wrong: 7 \+ 12 × 3 − 5 evaluates to 38/);
    expect(parseComasScore(calc.decide({ ...base, step: 'score', solution: '\\boxed{40}', evaluation: 'fine' }, rng()))).toEqual({ score: 1, source: 'tag' });
    expect(parseComasScore(calc.decide({ ...base, step: 'score', solution: '\\boxed{38}', evaluation: 'wrong!' }, rng()))).toEqual({ score: 3, source: 'tag' });
  });

  it('the sloppy calculator errs about half the time, and trusts a solution whose critique found no mistake', () => {
    const sloppy = calculator('sloppy', 0.5);
    const r = rng();
    const answers = Array.from({ length: 200 }, () => Number(extractBoxed(sloppy.decide(solve, r))));
    const wrong = answers.filter((a) => a !== 38);
    expect(wrong.length).toBeGreaterThan(70);
    expect(wrong.length).toBeLessThan(130);
    expect(wrong.every((a) => Math.abs(a - 38) <= 2)).toBe(true);
    const later: DiscussionObservation = { ...base, round: 2, step: 'solve', discussion: [{ solution: '\\boxed{38}', evaluation: 'I found no mistake: fine.' }] };
    for (let k = 0; k < 20; k++) expect(extractBoxed(sloppy.decide(later, r))).toBe('38');
  });

  it('the agreeable discussant approves everything with a 3', () => {
    expect(agreeable.decide({ ...base, step: 'evaluate', solution: '\\boxed{1}' }, rng())).toBe('The solution looks fine to me.');
    expect(parseComasScore(agreeable.decide({ ...base, step: 'score', solution: '\\boxed{1}', evaluation: 'bad' }, rng()))?.score).toBe(3);
  });

  it('gives no boxed answer when the question holds no expression', () => {
    expect(extractBoxed(discussionStrategies.calculator!.decide({ ...solve, question: 'Name a colour.' }, rng()))).toBeNull();
  });

  it('rejects an error rate outside [0, 1]', () => {
    expect(() => calculator('x', 1.5)).toThrow(/errorRate/);
  });
});
