// The result rows of a sweep, read from its cells' summary.json files: what results.jsonl/csv hold.
// Queue workers and `polis sweep` call it after cells finish; it reads nothing but DIR.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors/input-error.js';
import type { RunResult } from '../engine/run-result.js';
import type { CellStatus, ResultRow, SweepCell, SweepManifest } from './sweep-directory.js';
import { readSweepManifest } from './sweep-files.js';

/** What a cell's summary.json holds (a RunResult plus game and seed); `status` may also be `degraded`. */
export type CellSummary = Omit<RunResult, 'status'> & { status: Exclude<CellStatus, 'pending'>; game?: string; seed?: number };

/** A cell's summary.json, or undefined when the cell has none. */
export function readCellSummary(cellDir: string): CellSummary | undefined {
  const file = join(cellDir, 'summary.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CellSummary;
  } catch (error) {
    throw new InputError(`unreadable run summary: ${(error as Error).message}`, { file }, { cause: error });
  }
}

/** The row of one cell (status `pending` when it has no summary yet). */
export function cellRow(dir: string, cell: SweepCell): ResultRow {
  const summary = readCellSummary(join(dir, cell.dir));
  if (!summary) return { condition: cell.condition, seed: cell.seed, status: 'pending', dir: cell.dir, metrics: {}, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, wallMs: 0 };
  const metrics = Object.fromEntries(Object.entries(summary.metrics ?? {}).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)));
  return {
    condition: cell.condition,
    seed: cell.seed,
    status: summary.status,
    dir: cell.dir,
    metrics,
    calls: summary.usage.calls,
    inputTokens: summary.usage.inputTokens,
    outputTokens: summary.usage.outputTokens,
    costUsd: summary.usage.costUsd,
    wallMs: summary.wallMs,
    ...(summary.status !== 'completed' && summary.reason ? { error: summary.reason } : {}),
  };
}

/** Every cell's row, in the manifest's cell order; `manifest` defaults to DIR/sweep.json. */
export function collectResults(dir: string, manifest: SweepManifest | undefined = readSweepManifest(dir)): ResultRow[] {
  if (!manifest) throw new InputError('not a sweep directory (no sweep.json)', { file: join(dir, 'sweep.json') });
  return manifest.cells.map((cell) => cellRow(dir, cell));
}
