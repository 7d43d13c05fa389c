// How configs create a persuasion game: scenario (dataset index or id, or inline), cycles, threshold.
// Seats: persuader, persuadee, observer (a model in the `persuasion-observer` role or `truth-observer`).
import type { GameDefinition, Strategy } from '../definition.js';
import { persuasionParamsSchema, scenarioFor, type PersuasionParams } from './params.js';
import { PersuasionGame, persuasionMetadata } from './persuasion-game.js';
import { persuasionStrategies } from './strategies.js';

const ROLES = ['persuader', 'persuadee', 'persuasion-observer'] as const;

export const persuasionDefinition: GameDefinition<PersuasionParams> = {
  metadata: persuasionMetadata,
  params: persuasionParamsSchema,
  agentCount: () => ({ min: 3, max: 3 }),
  create(params, agents) {
    const [persuader, persuadee, observer] = agents as [string, string, string];
    return new PersuasionGame({ scenario: scenarioFor(params), agents: [persuader, persuadee, observer], cycles: params.cycles, threshold: params.threshold });
  },
  roleFor: (_params, seat) => ROLES[seat] ?? 'persuasion-observer',
  strategies: persuasionStrategies as unknown as Record<string, Strategy>,
};
