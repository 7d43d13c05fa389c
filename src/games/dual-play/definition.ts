import type { GameDefinition, Strategy } from '../definition.js';
import { createDualPlayGame, dualPlayMetadata } from './dual-play-game.js';
import { dualPlayParamsSchema, type DualPlayParams } from './params.js';
import { dualPlayStrategies } from './strategies.js';

/** Dual play: seat 0 is the `proposer`, seats 1..k are `solver`s. */
export const dualPlayDefinition: GameDefinition<DualPlayParams> = {
  metadata: dualPlayMetadata,
  params: dualPlayParamsSchema,
  agentCount: (p) => ({ min: p.solvers + 1, max: p.solvers + 1 }),
  create: (p, agents) => createDualPlayGame(p, agents),
  roleFor: (_p, seat) => (seat === 0 ? 'proposer' : 'solver'),
  strategies: dualPlayStrategies as Readonly<Record<string, Strategy>>,
};
