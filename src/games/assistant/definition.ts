import type { GameDefinition, Strategy } from '../definition.js';
import { assistantMetadata, createAssistantGame } from './assistant-game.js';
import { assistantParamsSchema, type AssistantParams } from './params.js';
import { assistantStrategies } from './strategies.js';

/** Seat 0 is the assistant (`gtalign-assistant` role), seat 1 the user simulator (`user-simulator` role). */
export const assistantDefinition: GameDefinition<AssistantParams> = {
  metadata: assistantMetadata,
  params: assistantParamsSchema,
  agentCount: () => ({ min: 2, max: 2 }),
  create: (p, agents) => createAssistantGame(p, agents),
  roleFor: (_p, seat) => (seat === 0 ? 'gtalign-assistant' : 'user-simulator'),
  strategies: assistantStrategies as Readonly<Record<string, Strategy>>,
};
