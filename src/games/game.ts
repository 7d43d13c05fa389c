// The game contract. A game is a pure, synchronous state machine: no I/O, no clock, randomness only from
// the rng passed in, and a JSON-serialisable state (so the engine can checkpoint and resume it).
// Any driver (the engine, a test, a property check, a fast all-scripted tournament loop) can step it.
import type { z } from 'zod';
import type { AgentId, Phase } from '../core/phase.js';
import type { Rng } from '../core/rng.js';

// Who acts when is shared with agents/ and the engine, so it lives in core; re-exported for games.
export type { AgentId, Phase, PhaseKind } from '../core/phase.js';

/** Something that happened in `apply`: recorded as trace events (`outcome`, `message`, `metric`). */
export type Outcome =
  | { type: 'payoff'; agent: AgentId; value: number; detail?: Record<string, unknown> }
  | { type: 'message'; from: AgentId; to: AgentId[] | 'all'; channel: string; content: string }
  | { type: 'metric'; name: string; value: number; agent?: AgentId }
  | { type: 'event'; name: string; agent?: AgentId; data?: Record<string, unknown> };

/** Population changes between generations: the engine builds new agents from the population config. */
export interface PopulationChange {
  /** Agents leaving the game. */
  remove: AgentId[];
  /** New agents; `inherit` is passed to the new agent's policy (e.g. survivors' strategies as text). */
  add: Array<{ id: AgentId; parent?: AgentId; inherit?: Record<string, unknown> }>;
}

export interface ApplyResult<State> {
  state: State;
  outcomes: Outcome[];
  population?: PopulationChange;
}

/** Static facts about a game, used by registries, the CLI's `games list` and the viewer. */
export interface GameMetadata {
  /** Registry name, kebab-case: `prisoners-dilemma`, `donor-game`. */
  name: string;
  version: string;
  description: string;
  /** Source of the rules (paper, repository @ commit, spec section). */
  source?: string;
}

export interface Game<State, Action, Observation = unknown> {
  readonly metadata: GameMetadata;
  /** The agent ids this game expects, in seat order. */
  readonly agents: readonly AgentId[];
  init(rng: Rng): State;
  /** Who acts now, or `null` when the game is over. */
  phase(state: State): Phase | null;
  /** What `agent` may see now. Private information of others must never appear here. */
  observe(state: State, agent: AgentId): Observation;
  /** The structural schema of `agent`'s action now (used for structured output and validation). */
  actionSchema(state: State, agent: AgentId): z.ZodType<Action>;
  /** Why `action` is illegal now, or `undefined` when it is legal. Checked after the schema. */
  legality?(state: State, agent: AgentId, action: Action): string | undefined;
  /** The declared action used when an agent's action stays invalid after repair. */
  defaultAction(state: State, agent: AgentId): Action;
  /** Apply the phase's actions (one per acting agent). Must not mutate `state`. */
  apply(state: State, actions: ReadonlyMap<AgentId, Action>, rng: Rng): ApplyResult<State>;
  isOver(state: State): boolean;
  /**
   * Turns a state read back from a checkpoint (its JSON) into the form the game works on. Needed only by
   * games whose state is not plain JSON (e.g. a linked list that serialises flat); the engine calls it on
   * resume and fork.
   */
  revive?(state: State): State;
  /** Cumulative payoff per agent so far. */
  payoffs(state: State): Record<AgentId, number>;
  /** Summary metrics (cooperation rate, welfare, Gini, ...). */
  metrics(state: State): Record<string, number>;
}

/** Any game, for registries and the engine. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGame = Game<any, any, any>;
