// What a checkpoint holds: everything needed to continue a run exactly (game state, every rng stream,
// memories, population, counters). Written as a `checkpoint` event at the start of every round.
import { z } from 'zod';
import { InputError } from '../core/errors/input-error.js';
import type { RngState } from '../core/rng.js';
import type { CheckpointEvent } from '../traces/event.js';
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

const count = z.number().int().nonnegative();
const rngState = z.object({ seed: z.number(), label: z.string(), state: z.array(z.number()).min(1) });
const usage = z.record(z.string(), z.number());

/**
 * The shape a checkpoint's state must have before a run continues from it: the counters, every rng
 * stream, memories and the population. The game's own state stays the game's (`unknown` here), but must
 * be present. Loose: fields added later pass.
 */
const checkpointStateSchema = z.looseObject({
  version: z.literal(1),
  round: count,
  rounds: count,
  turns: count,
  game: z.unknown().refine((v) => v !== undefined && v !== null, 'the game state is missing'),
  gameRng: rngState,
  agentRngs: z.record(z.string(), rngState),
  memories: z.record(z.string(), z.unknown()),
  population: z.array(z.looseObject({ id: z.string() })),
  invalid: usage,
  decisions: count.optional(),
  usage,
  usageByAgent: z.record(z.string(), usage),
  usageByRole: z.record(z.string(), usage),
});

/** Where a checkpoint's state is wrong (`state.gameRng.state: ...`), or null when a run can continue from it. */
export function checkpointStateProblem(state: unknown): string | null {
  const result = checkpointStateSchema.safeParse(state);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return `state.${issue.path.join('.')}: ${issue.message}`;
}

/** The checkpoint's state, checked; throws InputError naming the trace, the checkpoint and the field. */
export function readCheckpointState(event: CheckpointEvent, file: string): CheckpointState {
  const problem = checkpointStateProblem(event.state);
  if (problem) throw new InputError(`checkpoint seq ${event.seq} (round ${event.time}) cannot be continued from: ${problem}`, { file, field: problem.split(':')[0]! });
  return structuredClone(event.state) as CheckpointState;
}
