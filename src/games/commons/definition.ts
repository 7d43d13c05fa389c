import type { GameDefinition, Strategy } from '../definition.js';
import { commonsMetadata, createCommonsGame } from './commons-game.js';
import { commonsParamsSchema, type CommonsParams } from './params.js';
import { commonsStrategies } from './strategies.js';

/** The common-pool resource game; every seat plays the `harvester` role. */
export const commonsDefinition: GameDefinition<CommonsParams> = {
  metadata: commonsMetadata,
  params: commonsParamsSchema,
  agentCount: (p) => ({ min: p.agents, max: p.agents }),
  create: (p, agents) => createCommonsGame(p, agents),
  roleFor: () => 'harvester',
  strategies: commonsStrategies as Readonly<Record<string, Strategy>>,
};
