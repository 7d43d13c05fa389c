import type { GameDefinition, Strategy } from '../definition.js';
import { coopetitionMetadata, createCoopetitionGame } from './coopetition-game.js';
import { coopetitionParamsSchema, type CoopetitionParams } from './params.js';
import { coopetitionStrategies } from './strategies.js';

/** The repeated coopetition game; every seat plays the `coopetitor` role. */
export const coopetitionDefinition: GameDefinition<CoopetitionParams> = {
  metadata: coopetitionMetadata,
  params: coopetitionParamsSchema,
  agentCount: (p) => ({ min: p.agents, max: p.agents }),
  create: (p, agents) => createCoopetitionGame(p, agents),
  roleFor: () => 'coopetitor',
  strategies: coopetitionStrategies as Readonly<Record<string, Strategy>>,
};
