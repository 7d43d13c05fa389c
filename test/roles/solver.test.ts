import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/agents/agent.js';
import { Rng } from '../../src/core/rng.js';
import { createDualPlayGame, dualPlayParamsSchema } from '../../src/games/dual-play/index.js';
import { solverRole } from '../../src/roles/solver.js';

const memory = { kind: 'full' as const, add() {}, view: () => [], snapshot: () => null, restore() {} };
const agent: AgentView = { id: 's2', role: 'solver', memory };
const rng = Rng.fromSeed(1);

describe('solver role', () => {
  const game = createDualPlayGame(dualPlayParamsSchema.parse({ solvers: 2, rounds: 3 }), ['p', 's1', 's2']);
  let state = game.init(rng);
  state = game.apply(state, new Map([['p', { problem: 'What is 6 × 7?', answer: '42' }]]), rng).state;
  state = game.apply(state, new Map([['s1', { answer: '42' }], ['s2', { answer: '41' }]]), rng).state;
  state = game.apply(state, new Map([['p', { problem: 'What is 12 - 5?', answer: '7' }]]), rng).state;
  const observation = game.observe(state, 's2');
  const schema = game.actionSchema(state, 's2');

  it('renders the problem and its own past results, never the proposer answers', () => {
    const text = solverRole.render({ agent, observation, schema }).map((m) => m.content).join('\n');
    expect(text).toContain('What is 12 - 5?');
    expect(text).toContain("Round 1: you answered 41: did not match the proposer's answer.");
    expect(text).not.toMatch(/\b42\b/);
    expect(text).not.toMatch(/\b7\b/);
  });

  it('reads JSON or the last \\boxed{} of free text', () => {
    expect(solverRole.parse('{"answer": "7"}', schema, observation)).toEqual({ answer: '7' });
    expect(solverRole.parse('12 - 5 = \\boxed{7}', schema, observation)).toEqual({ answer: '7', reasoning: '12 - 5 = \\boxed{7}' });
    expect(() => solverRole.parse('seven', schema, observation)).toThrow(/boxed/);
  });
});
