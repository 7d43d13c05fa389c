import { describe, expect, it } from 'vitest';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import { createSocialLearningGame, type PlannerObservation } from '../../src/games/social-learning/index.js';
import { informationPlannerRole } from '../../src/roles/information-planner.js';

const text = (messages: Array<{ content: string }>) => messages.map((m) => m.content).join('\n');

describe('information-planner role', () => {
  const game = createSocialLearningGame({ learners: 4, objective: 'biased', preferredAction: 'B', disclosed: false, parity: false, plannerPeriod: 2, costPerBit: 0.25 }, ['planner', 'l1', 'l2', 'l3', 'l4']);
  const state = game.init({ bernoulli: () => true, next: () => 0.3 } as never);
  const observation = game.observe(state, 'planner') as PlannerObservation;

  it('states the biased goal, the bit price, the constraints and the answer shape', () => {
    const prompt = text(informationPlannerRole.render({ agent: { id: 'planner', memory: { view: () => [] } } as never, observation, schema: game.actionSchema(state, 'planner') as never }));
    expect(prompt).toContain('1 point for every person who guesses B');
    expect(prompt).toContain('0.25 points per bit');
    expect(prompt).toContain('between 0.5 and 0.9');
    expect(prompt).toContain('they believe every hint has precision 0.7');
    expect(prompt).toContain('persons 1 to 2');
    expect(prompt).toContain('{"precisions": [<2 numbers');
    expect(prompt).not.toMatch(/hint says/);
    const schema = game.actionSchema(state, 'planner') as never;
    expect(informationPlannerRole.parse('{"precisions": [0.6, 0.8]}', schema, observation)).toEqual({ precisions: [0.6, 0.8] });
    expect(() => informationPlannerRole.parse('{"precisions": [0.6, 0.95]}', schema, observation)).toThrow(InvalidActionError);
  });
});
