import type { GameDefinition, Strategy } from '../definition.js';
import { createDonorGame, donorGameMetadata } from './donor-game.js';
import { donorParamsSchema, type DonorParams } from './params.js';
import { donorStrategies } from './strategies.js';

/** The donor game for registries and configs; every seat plays the `donor` role. */
export const donorGameDefinition: GameDefinition<DonorParams> = {
  metadata: donorGameMetadata,
  params: donorParamsSchema,
  agentCount: (params) => ({ min: params.agents, max: params.agents }),
  create: (params, agents) => createDonorGame(params, agents),
  roleFor: () => 'donor',
  strategies: donorStrategies as Readonly<Record<string, Strategy>>,
};
