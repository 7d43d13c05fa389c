import type { GameDefinition } from '../definition.js';
import { createSusceptibilityGame, susceptibilityMetadata } from './susceptibility-game.js';
import { susceptibilityParamsSchema, type SusceptibilityParams } from './params.js';

/** Seat 0 plays `susceptibility-persuader`, seat 1 `likert-respondent`. */
export const susceptibilityDefinition: GameDefinition<SusceptibilityParams> = {
  metadata: susceptibilityMetadata,
  params: susceptibilityParamsSchema,
  agentCount: () => ({ min: 2, max: 2 }),
  create: (p, agents) => createSusceptibilityGame(p, agents),
  roleFor: (_p, seat) => (seat === 0 ? 'susceptibility-persuader' : 'likert-respondent'),
};
