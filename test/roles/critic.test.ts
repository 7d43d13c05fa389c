import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/agents/agent.js';
import { Rng } from '../../src/core/rng.js';
import { createCritiqueGame, critiqueParamsSchema } from '../../src/games/critique/index.js';
import { criticRole } from '../../src/roles/critic.js';

const memory = { kind: 'full' as const, add() {}, view: () => [], snapshot: () => null, restore() {} };
const agent: AgentView = { id: 'critic', role: 'critic', memory };
const rng = Rng.fromSeed(1);

describe('critic role', () => {
  const game = createCritiqueGame(critiqueParamsSchema.parse({ problems: [{ question: 'What is 8 × 7?', answer: '56' }] }), ['actor', 'critic']);
  const state = game.apply(game.init(rng), new Map([['actor', { solution: '8 × 7 = \\boxed{54}' }]]), rng).state;
  const observation = game.observe(state, 'critic');
  const schema = game.actionSchema(state, 'critic');

  it('shows the problem and the attempt and asks for the verdict line, never the reference', () => {
    const text = criticRole.render({ agent, observation, schema }).map((m) => m.content).join('\n');
    expect(text).toContain('What is 8 × 7?');
    expect(text).toContain('The solution to review:\n8 × 7 = \\boxed{54}');
    expect(text).toContain('"Correctness of the final answer: Correct"');
    expect(text).not.toContain('56');
  });

  it('keeps a free-text review whole (a missing verdict is scored by the game, not rejected)', () => {
    expect(criticRole.parse('Step 2 is off.\nCorrectness of the final answer: Wrong', schema, observation)).toEqual({ critique: 'Step 2 is off.\nCorrectness of the final answer: Wrong' });
    expect(criticRole.parse('No idea.', schema, observation)).toEqual({ critique: 'No idea.' });
  });
});
