// Runs one cell of a sweep through the engine's normal run paths: a fresh run (runExperiment), a resume
// from the last checkpoint (resumeRun), or a retry that serves the calls of the previous attempt again
// before going live. `polis sweep` and queue workers both call it with the manifest from DIR/sweep.json.
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { SweepChangedError } from '../core/errors/sweep-changed-error.js';
import { defaultModelBuilder } from '../engine/default-models.js';
import { runExperiment, type ExperimentResult, type ModelBuilder } from '../engine/experiment.js';
import type { EngineHooks } from '../engine/hooks.js';
import { resumeRun } from '../engine/replay-modes.js';
import type { SharedModels } from '../engine/shared-models.js';
import type { GameDefinition } from '../games/definition.js';
import { gameRegistry } from '../games/registry.js';
import type { ModelCallEvent } from '../traces/event.js';
import { readTrace } from '../traces/trace-reader.js';
import type { Clock } from '../core/clock.js';
import { cellConfig } from './cell-config.js';
import { cellRow } from './collect-results.js';
import { inspectCell } from './inspect-cell.js';
import type { ResultRow, SweepCell, SweepManifest } from './sweep-directory.js';

export interface RunCellOptions {
  /** The sweep (DIR/sweep.json). */
  manifest: SweepManifest;
  cell: SweepCell;
  /** The sweep directory; the cell runs in `<dir>/<cell.dir>`. */
  dir: string;
  /** @default the game registry */
  games?: ReadonlyMap<string, GameDefinition<unknown>>;
  /** Models shared with the other cells of this process (cache, pacing, the sweep budget). @default none */
  models?: SharedModels;
  /** Builds the cell's models; called once per cell (a builder holds one run's ledger). @default defaultModelBuilder with `models` */
  modelBuilder?: () => ModelBuilder;
  hooks?: EngineHooks;
  signal?: AbortSignal;
  clock?: Clock;
  /** Rerun a cell recorded under another config (its files are kept as attempt files). @default false: throw SweepChangedError */
  force?: boolean;
}

/** What running the cell did: nothing (`skipped`), a fresh run, a resume, a retry, or a rerun after a config change (`replaced`). */
export type CellAction = 'skipped' | 'ran' | 'resumed' | 'retried' | 'replaced';

export interface CellOutcome {
  cell: SweepCell;
  action: CellAction;
  /** The cell's row for results.jsonl, read back from its summary. */
  row: ResultRow;
  /** The engine's result when something ran. */
  result?: ExperimentResult;
}

/**
 * Runs a cell unless it already finished. Idempotent: calling it again after it finished does nothing;
 * after a crash it resumes; after a failure (or a stop by the sweep budget) it retries, serving the
 * failed attempt's recorded calls again so nothing paid for is paid twice.
 */
export async function runCell(options: RunCellOptions): Promise<CellOutcome> {
  const { manifest, cell } = options;
  const out = join(options.dir, cell.dir);
  const config = cellConfig(manifest, cell);
  const state = await inspectCell(out, config);
  const shared = {
    games: options.games ?? (gameRegistry as ReadonlyMap<string, GameDefinition<unknown>>),
    buildModel: options.modelBuilder ? options.modelBuilder() : defaultModelBuilder(options.models ? { shared: options.models } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  const done = (action: CellAction, result?: ExperimentResult): CellOutcome => ({ cell, action, row: cellRow(options.dir, cell), ...(result ? { result } : {}) });

  switch (state.kind) {
    case 'finished':
      return done('skipped');
    case 'pending':
      return done('ran', await runExperiment({ ...shared, config, out }));
    case 'interrupted':
      return done('resumed', await resumeRun(out, shared));
    case 'retry': {
      const previous = archiveAttempt(out);
      const records = previous ? await recordedCalls(previous) : [];
      return done('retried', await runExperiment({ ...shared, config, out, ...(records.length ? { replay: { records, mode: 'then-live' as const } } : {}) }));
    }
    case 'changed':
      if (!options.force) throw new SweepChangedError(out, [`cell ${cell.dir} was recorded with another run config`]);
      archiveAttempt(out);
      return done('replaced', await runExperiment({ ...shared, config, out }));
  }
}

/**
 * Moves the cell's trace.jsonl and summary.json aside as `trace.attempt-<k>.jsonl` and
 * `summary.attempt-<k>.json` (k = 1, 2, ...), so a new attempt never overwrites recorded calls.
 * Returns the moved trace's path, if there was one.
 */
export function archiveAttempt(cellDir: string): string | undefined {
  const taken = readdirSync(cellDir)
    .map((f) => /^(?:trace|summary)\.attempt-(\d+)\./.exec(f)?.[1])
    .filter((k): k is string => k !== undefined)
    .map(Number);
  const k = Math.max(0, ...taken) + 1;
  const trace = join(cellDir, 'trace.jsonl');
  const summary = join(cellDir, 'summary.json');
  let moved: string | undefined;
  if (existsSync(trace)) renameSync(trace, (moved = join(cellDir, `trace.attempt-${k}.jsonl`)));
  if (existsSync(summary)) renameSync(summary, join(cellDir, `summary.attempt-${k}.json`));
  return moved;
}

async function recordedCalls(traceFile: string): Promise<ModelCallEvent[]> {
  try {
    return (await readTrace(traceFile)).events.filter((e): e is ModelCallEvent => e.type === 'model-call');
  } catch {
    // An unreadable attempt has nothing to serve; the retry goes live.
    return [];
  }
}
