import type { GameDefinition, Strategy } from '../definition.js';
import { createLinearPublicGoodsGame, linearPublicGoodsMetadata } from './linear-game.js';
import { linearPublicGoodsParamsSchema, type LinearPublicGoodsParams } from './linear-params.js';
import { createSequentialPublicGoodsGame, sequentialPublicGoodsMetadata } from './sequential-game.js';
import { sequentialPublicGoodsParamsSchema, type SequentialPublicGoodsParams } from './sequential-params.js';
import { linearPublicGoodsStrategies, sequentialPublicGoodsStrategies } from './strategies.js';

/** The simultaneous linear public goods game; every seat plays the `contributor` role. */
export const publicGoodsDefinition: GameDefinition<LinearPublicGoodsParams> = {
  metadata: linearPublicGoodsMetadata,
  params: linearPublicGoodsParamsSchema,
  agentCount: (p) => ({ min: p.agents, max: p.agents }),
  create: (p, agents) => createLinearPublicGoodsGame(p, agents),
  roleFor: () => 'contributor',
  strategies: linearPublicGoodsStrategies as Readonly<Record<string, Strategy>>,
};

/** The sequential (MAC-SPGG style) game; every seat plays the `contributor` role. */
export const sequentialPublicGoodsDefinition: GameDefinition<SequentialPublicGoodsParams> = {
  metadata: sequentialPublicGoodsMetadata,
  params: sequentialPublicGoodsParamsSchema,
  agentCount: (p) => ({ min: p.agents, max: p.agents }),
  create: (p, agents) => createSequentialPublicGoodsGame(p, agents),
  roleFor: () => 'contributor',
  strategies: sequentialPublicGoodsStrategies as Readonly<Record<string, Strategy>>,
};
