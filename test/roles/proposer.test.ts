import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/agents/agent.js';
import { Rng } from '../../src/core/rng.js';
import { createDualPlayGame, dualPlayParamsSchema } from '../../src/games/dual-play/index.js';
import { proposerRole } from '../../src/roles/proposer.js';

const memory = { kind: 'full' as const, add() {}, view: () => [], snapshot: () => null, restore() {} };
const agent: AgentView = { id: 'p', role: 'proposer', memory };
const rng = Rng.fromSeed(1);

describe('proposer role', () => {
  const game = createDualPlayGame(dualPlayParamsSchema.parse({ solvers: 2, rounds: 3, passages: ['Octopuses have three hearts.'] }), ['p', 's1', 's2']);
  let state = game.init(rng);
  state = game.apply(state, new Map([['p', { problem: 'What is 6 × 7?', answer: '42' }]]), rng).state;
  state = game.apply(state, new Map([['s1', { answer: '42' }], ['s2', { answer: '41' }]]), rng).state;
  const observation = game.observe(state, 'p');
  const schema = game.actionSchema(state, 'p');

  it('renders the scoring rule, the passage and its past problems with their scores', () => {
    const text = proposerRole.render({ agent, observation, schema }).map((m) => m.content).join('\n');
    expect(text).toContain('If p is 0.2 or lower');
    expect(text).toContain('Octopuses have three hearts.');
    expect(text).toContain('Round 1: "What is 6 × 7?" (your answer 42): pass rate 0.5, variety 1, score 0.8.');
    expect(text).toContain('Round 2 of 3.');
  });

  it('reads JSON and PasoDoble free text; a missing answer is left to the validity check', () => {
    expect(proposerRole.parse('{"problem": "What is 2 + 2?", "answer": "4"}', schema, observation)).toEqual({ problem: 'What is 2 + 2?', answer: '4' });
    expect(proposerRole.parse('hmm <problem>draft</problem></think>\n<problem> What is 9 - 3? </problem>\nAnswer: \\boxed{6}', schema, observation)).toEqual({ problem: 'What is 9 - 3?', answer: '6' });
    expect(proposerRole.parse('<problem>What is 1 + 1?</problem>', schema, observation)).toEqual({ problem: 'What is 1 + 1?', answer: '' });
    expect(() => proposerRole.parse('What is 1 + 1? \\boxed{2}', schema, observation)).toThrow(/<problem>/);
  });
});
