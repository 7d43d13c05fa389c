import type { GameDefinition, Strategy } from '../definition.js';
import { socialLearningParamsSchema, type SocialLearningParams } from './params.js';
import { createSocialLearningGame, socialLearningMetadata } from './social-learning-game.js';
import { socialLearningStrategies } from './strategies.js';

/** Steered social learning: seat 0 is the `information-planner` (when params.planner is `seat`), the rest `social-learner`s. */
export const socialLearningDefinition: GameDefinition<SocialLearningParams> = {
  metadata: socialLearningMetadata,
  params: socialLearningParamsSchema,
  agentCount: (p) => {
    const n = p.learners + (p.planner === 'seat' ? 1 : 0);
    return { min: n, max: n };
  },
  create: (p, agents) => createSocialLearningGame(p, agents),
  roleFor: (p, seat) => (p.planner === 'seat' && seat === 0 ? 'information-planner' : 'social-learner'),
  strategies: socialLearningStrategies as Readonly<Record<string, Strategy>>,
};
