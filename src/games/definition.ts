// How a game is offered to configs, the CLI and tournaments: a factory from validated parameters,
// the role each seat plays (a role name resolved in src/roles), and the scripted strategies that can
// sit in a seat. Games stay pure: nothing here imports agents, roles, models or the engine.
import type { z } from 'zod';
import type { Strategy } from '../core/strategy.js';
import type { AgentId, AnyGame, GameMetadata } from './game.js';

// Strategies are shared with agents/, so the contract lives in core; re-exported for games.
export type { Strategy, StrategyMetadata } from '../core/strategy.js';

export interface GameDefinition<Params = unknown> {
  readonly metadata: GameMetadata;
  /** Validates `params` from a config; defaults filled in. */
  readonly params: z.ZodType<Params>;
  /** How many agents the game takes for given params: an exact count or a range. */
  agentCount(params: Params): { min: number; max: number };
  create(params: Params, agents: readonly AgentId[]): AnyGame;
  /** The role name (see src/roles) the agent in `seat` plays. */
  roleFor(params: Params, seat: number, agent: AgentId): string;
  /** Scripted strategies that can fill a seat, by name. */
  readonly strategies?: Readonly<Record<string, Strategy>>;
}
