import type { GameDefinition, Strategy } from '../definition.js';
import { createCritiqueGame, critiqueMetadata } from './critique-game.js';
import { critiqueParamsSchema, type CritiqueParams } from './params.js';
import { critiqueStrategies } from './strategies.js';

/** Actor/critic refinement: seat 0 is the `actor`, seat 1 the `critic`. */
export const critiqueDefinition: GameDefinition<CritiqueParams> = {
  metadata: critiqueMetadata,
  params: critiqueParamsSchema,
  agentCount: () => ({ min: 2, max: 2 }),
  create: (p, agents) => createCritiqueGame(p, agents),
  roleFor: (_p, seat) => (seat === 0 ? 'actor' : 'critic'),
  strategies: critiqueStrategies as Readonly<Record<string, Strategy>>,
};
