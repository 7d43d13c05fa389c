import type { GameDefinition } from '../definition.js';
import { createDebateGame, debateMetadata } from './debate-game.js';
import { debateParamsSchema, type DebateParams } from './params.js';

/** The debate RCT; every seat plays the `debater` role (participants also answer the agreement surveys). */
export const debateDefinition: GameDefinition<DebateParams> = {
  metadata: debateMetadata,
  params: debateParamsSchema,
  agentCount: (p) => ({ min: 2 * p.pairs.length, max: 2 * p.pairs.length }),
  create: (p, agents) => createDebateGame(p, agents),
  roleFor: () => 'debater',
};
