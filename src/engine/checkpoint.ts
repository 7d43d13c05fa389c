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
  /** 1: every agent's stream whole in `agentRngs`; 2: streams as draw counts in `agentDraws`. */
  version: 1 | 2;
  /** The round about to start. */
  round: number;
  /** Rounds finished before it. */
  rounds: number;
  /** Phases executed before it. */
  turns: number;
  game: unknown;
  gameRng: RngState;
  /** Agents' streams written whole (all of them in version 1; in version 2 those `agentDraws` cannot count). */
  agentRngs: Record<AgentId, RngState>;
  /**
   * Version 2: per agent in `population` order, the values its stream has drawn since `agent:<id>` was
   * derived from a root stream of `seed`; null for an agent whose stream is in `agentRngs`.
   */
  agentDraws?: { seed: number; draws: Array<number | null> };
  /** Memory snapshots by agent; an agent whose memory is empty may be absent (it restores as a fresh one). */
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
  version: z.union([z.literal(1), z.literal(2)]),
  round: count,
  rounds: count,
  turns: count,
  game: z.unknown().refine((v) => v !== undefined && v !== null, 'the game state is missing'),
  gameRng: rngState,
  agentRngs: z.record(z.string(), rngState),
  agentDraws: z.object({ seed: z.number().int(), draws: z.array(count.nullable()) }).optional(),
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
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return `state.${issue.path.join('.')}: ${issue.message}`;
  }
  const { agentDraws, population } = result.data;
  if (agentDraws && agentDraws.draws.length !== population.length) {
    return `state.agentDraws.draws: expected ${population.length} entries (one per agent in population), found ${agentDraws.draws.length}`;
  }
  const whole = result.data.agentRngs;
  const missing = agentDraws?.draws.findIndex((n, i) => n === null && !(population[i]!.id in whole));
  if (missing !== undefined && missing >= 0) {
    return `state.agentDraws.draws.${missing}: null (no draw count) but agentRngs has no stream for agent "${population[missing]!.id}"`;
  }
  return null;
}

/** The checkpoint's state, checked; throws InputError naming the trace, the checkpoint and the field. */
export function readCheckpointState(event: CheckpointEvent, file: string): CheckpointState {
  const problem = checkpointStateProblem(event.state);
  if (problem) throw new InputError(`checkpoint seq ${event.seq} (round ${event.time}) cannot be continued from: ${problem}`, { file, field: problem.split(':')[0]! });
  return structuredClone(event.state) as CheckpointState;
}
