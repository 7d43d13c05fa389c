// Reviewer assignment: balanced like CoMAS's shuffled agent order (spec 10: each agent evaluates once and
// scores once per round), with nobody evaluating their own solution and a third agent scoring.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { assignReviewers } from '../../../src/games/discussion/assign-reviewers.js';

const ids = (n: number) => Array.from({ length: n }, (_, k) => `agent-${k}`);

function expectValid(agents: string[], a: { evaluators: string[]; scorers: string[] }): void {
  expect([...a.evaluators].sort()).toEqual([...agents].sort());
  expect([...a.scorers].sort()).toEqual([...agents].sort());
  agents.forEach((solver, i) => {
    expect(a.evaluators[i]).not.toBe(solver);
    expect(a.scorers[i]).not.toBe(solver);
    expect(a.scorers[i]).not.toBe(a.evaluators[i]);
  });
}

describe('assignReviewers', () => {
  it('gives every solution another evaluator and a third scorer, each agent once per step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }), fc.integer(), (n, seed) => expectValid(ids(n), assignReviewers(ids(n), Rng.fromSeed(seed)))),
      { numRuns: 200 },
    );
  });

  it('draws both valid assignments of three agents about equally often', () => {
    // For 3 agents the evaluators form one of the two 3-cycles and the scorers the other.
    const rng = Rng.fromSeed(11);
    let first = 0;
    for (let k = 0; k < 400; k++) if (assignReviewers(['a', 'b', 'c'], rng).evaluators.join('') === 'bca') first++;
    expect(first).toBeGreaterThan(150);
    expect(first).toBeLessThan(250);
  });

  it('falls back to a shuffled cycle that is still valid', () => {
    const agents = ids(5);
    const a = assignReviewers(agents, Rng.fromSeed(3), 0);
    expectValid(agents, a);
    const next = new Map(agents.map((id, i) => [id, a.evaluators[i]!]));
    agents.forEach((_, i) => expect(next.get(a.evaluators[i]!)).toBe(a.scorers[i]));
  });

  it('refuses fewer than three agents', () => {
    expect(() => assignReviewers(['a', 'b'], Rng.fromSeed(1))).toThrow(/at least 3 agents/);
  });
});
