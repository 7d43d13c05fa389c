import { describe, expect, it } from 'vitest';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import { type LearnerObservation } from '../../src/games/social-learning/index.js';
import { informationPlannerRole } from '../../src/roles/information-planner.js';
import { socialLearnerRole } from '../../src/roles/social-learner.js';
import { findRole } from '../../src/roles/registry.js';
import '../../src/roles/builtin-roles.js';
import { z } from 'zod';

const agent = { id: 'learner-3', memory: { view: () => [] } } as never;
const learner: LearnerObservation = {
  kind: 'act', name: 'learner-3', episode: 1, episodes: 1, position: 3, learners: 6, prior: 0.5, signal: 'B', precision: 0.7, tieRule: 'coin-flip',
  history: [{ position: 1, agent: 'learner-1', choice: 'A', precision: 0.7 }, { position: 2, agent: 'learner-2', choice: 'A', precision: 0.7 }],
};
const text = (messages: Array<{ content: string }>) => messages.map((m) => m.content).join('\n');

describe('social-learner role', () => {
  it('shows the own hint, its precision and the earlier guesses, and reads one JSON choice', () => {
    const prompt = text(socialLearnerRole.render({ agent, observation: learner, schema: z.object({ choice: z.enum(['A', 'B']) }) }));
    expect(prompt).toContain('Your private hint says: B. It is right with probability 0.7.');
    expect(prompt).toContain('1. learner-1 guessed A');
    expect(prompt).toContain('person 3 of 6');
    const schema = z.object({ choice: z.enum(['A', 'B']) });
    expect(socialLearnerRole.parse('I will follow the crowd. {"choice": "A"}', schema, learner)).toEqual({ choice: 'A' });
    expect(() => socialLearnerRole.parse('{"choice": "C"}', schema, learner)).toThrow(InvalidActionError);
    expect(socialLearnerRole.remember?.(learner, { choice: 'A' })).toBe('Round 1: your hint said B; you guessed A.');
  });

  it('is registered next to the information planner, apart from the economist planner', () => {
    expect(findRole('social-learner')).toBe(socialLearnerRole);
    expect(findRole('information-planner')).toBe(informationPlannerRole);
    expect(findRole('planner')).not.toBe(informationPlannerRole);
  });
});

