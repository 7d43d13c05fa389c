// What a checkpoint holds: everything needed to continue a run exactly (game state, every rng stream,
// memories, population, counters). Written as a `checkpoint` event at the start of every round.
import type { RngState } from '../core/rng.js';
import type { AgentId } from '../games/game.js';
import type { InvalidActionCounts, UsageTotals } from './run-result.js';

export interface PopulationEntry {
  id: AgentId;
  parent?: AgentId;
  inherit?: Record<string, unknown>;
}

export interface CheckpointState {
  version: 1;
  /** The round about to start. */
  round: number;
  /** Rounds finished before it. */
  rounds: number;
  /** Phases executed before it. */
  turns: number;
  game: unknown;
  gameRng: RngState;
  agentRngs: Record<AgentId, RngState>;
  memories: Record<AgentId, unknown>;
  /** Agents alive now, in seat order (differs from the config after generations). */
  population: PopulationEntry[];
  invalid: InvalidActionCounts;
  /** Decisions taken before it (the denominator of the defaulted share). Absent in older traces. */
  decisions?: number;
  usage: UsageTotals;
  usageByAgent: Record<AgentId, UsageTotals>;
  usageByRole: Record<string, UsageTotals>;
}
