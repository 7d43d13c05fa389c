import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/agents/agent.js';
import { Rng } from '../../src/core/rng.js';
import { createCritiqueGame, critiqueParamsSchema } from '../../src/games/critique/index.js';
import { actorRole } from '../../src/roles/actor.js';

const memory = { kind: 'full' as const, add() {}, view: () => [], snapshot: () => null, restore() {} };
const agent: AgentView = { id: 'actor', role: 'actor', memory };
const rng = Rng.fromSeed(1);

describe('actor role', () => {
  const game = createCritiqueGame(critiqueParamsSchema.parse({ problems: [{ question: 'What is 8 × 7?', answer: '56' }] }), ['actor', 'critic']);
  const first = game.init(rng);
  const critiqued = game.apply(game.apply(first, new Map([['actor', { solution: '\\boxed{54}' }]]), rng).state, new Map([['critic', { critique: 'Recheck 8 × 7.\nCorrectness of the final answer: Wrong' }]]), rng).state;
  const schema = game.actionSchema(first, 'actor');

  it('asks for a first attempt, then for a revision showing its attempt and the review', () => {
    const answer = actorRole.render({ agent, observation: game.observe(first, 'actor'), schema }).map((m) => m.content).join('\n');
    expect(answer).toContain('Problem 1 of 1:\nWhat is 8 × 7?');
    expect(answer).toContain('\\boxed{<answer>}');
    const refine = actorRole.render({ agent, observation: game.observe(critiqued, 'actor'), schema }).map((m) => m.content).join('\n');
    expect(refine).toContain('Your solution:\n\\boxed{54}');
    expect(refine).toContain('The review:\nRecheck 8 × 7.\nCorrectness of the final answer: Wrong');
    expect(refine).not.toContain('56');
  });

  it('takes free text whole as the solution, or a JSON action', () => {
    const o = game.observe(first, 'actor');
    expect(actorRole.parse(' 8 × 7 = \\boxed{56} ', schema, o)).toEqual({ solution: '8 × 7 = \\boxed{56}' });
    expect(actorRole.parse('{"solution": "\\\\boxed{56}"}', schema, o)).toEqual({ solution: '\\boxed{56}' });
    expect(() => actorRole.parse('  ', schema, o)).toThrow(/expected a solution/);
  });
});
