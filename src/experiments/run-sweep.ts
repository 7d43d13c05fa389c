// Runs every cell of a sweep in this process, `concurrency` cells at a time, with one set of shared
// models (cache stores, pacing, and the sweep's token and dollar budget across all cells). Rerunning
// with the same sweep skips finished cells, resumes interrupted ones and retries failed ones; a sweep
// directory holding another config is refused unless `force`. Writes sweep.json first, results.jsonl
// and results.csv after every cell, and comparison.json at the end.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import PQueue from 'p-queue';
import createDebug from 'debug';
import type { Clock } from '../core/clock.js';
import { SweepChangedError } from '../core/errors/sweep-changed-error.js';
import { canonicalJson } from '../core/hash.js';
import type { ModelBuilder } from '../engine/experiment.js';
import type { EngineHooks } from '../engine/hooks.js';
import { modelSpecs } from '../engine/default-models.js';
import { assertPricedBudget, specIdentity } from '../engine/price-check.js';
import { SharedModels } from '../engine/shared-models.js';
import type { GameDefinition } from '../games/definition.js';
import type { ModelCallEvent } from '../traces/event.js';
import { cellConfig } from './cell-config.js';
import { collectResults, readCellSummary } from './collect-results.js';
import { compareResults } from './compare-results.js';
import { isSweepBudgetStop } from './inspect-cell.js';
import { runCell, type CellOutcome } from './run-cell.js';
import type { Comparison, ResultRow, SweepCell, SweepManifest } from './sweep-directory.js';
import { readSweepManifest, writeComparison, writeResults, writeSweepManifest } from './sweep-files.js';

const debug = createDebug('polis:sweep');

/** Observers of a sweep (the CLI's progress display is built from these). */
export interface SweepHooks {
  'sweep-start'?: (info: { manifest: SweepManifest; total: number; finished: number; earlier: { calls: number; tokens: number; costUsd: number } }) => void;
  'cell-start'?: (cell: SweepCell) => void;
  'cell-end'?: (outcome: CellOutcome) => void;
  /** Every model call of every cell, as the engine reports it. */
  'model-call-end'?: (cell: SweepCell, call: Omit<ModelCallEvent, 'seq'>) => void;
}

export interface RunSweepOptions {
  /** The resolved sweep (`loadSweep`, `resolveSweep`). */
  sweep: SweepManifest;
  /** The sweep directory. */
  out: string;
  /** Cells run at once. @default 4 */
  concurrency?: number;
  /** Go on in a directory that holds another config; cells recorded with another config are rerun (old files kept). @default false */
  force?: boolean;
  /** @default the game registry */
  games?: ReadonlyMap<string, GameDefinition<unknown>>;
  /** Builds one cell's models from the shared ones. @default defaultModelBuilder({ shared }) */
  modelBuilder?: (shared: SharedModels) => ModelBuilder;
  hooks?: SweepHooks;
  /** Also given to every cell's engine (they observe one cell each). */
  engineHooks?: (cell: SweepCell) => EngineHooks;
  /** Stops starting cells, and aborts the running ones (they resume on the next run). */
  signal?: AbortSignal;
  clock?: Clock;
}

export interface SweepResult {
  dir: string;
  manifest: SweepManifest;
  /** `completed`: every cell finished; `stopped`: the sweep budget (or the signal) left cells to do; `failed`: a cell failed. */
  status: 'completed' | 'stopped' | 'failed';
  /** Why the sweep stopped early. */
  reason?: string;
  rows: ResultRow[];
  comparison: Comparison;
  /** Cells by what this invocation did with them. */
  counts: Record<CellOutcome['action'] | 'not-started', number>;
  /** Usage over all cells' current summaries (earlier invocations included; archived failed attempts not). */
  usage: { calls: number; inputTokens: number; outputTokens: number; costUsd: number };
}

export async function runSweep(options: RunSweepOptions): Promise<SweepResult> {
  const { sweep, out } = options;
  prepareSweepDirectory(out, sweep, Boolean(options.force));

  const models = new SharedModels({
    ...(sweep.budget?.tokens ? { maxTokens: sweep.budget.tokens } : {}),
    ...(sweep.budget?.dollars ? { maxDollars: sweep.budget.dollars } : {}),
  });
  const rows = collectResults(out, sweep);
  const earlier = earlierUsage(out, sweep);
  models.addEarlierUsage(earlier);
  const finished = rows.filter(isFinishedRow).length;
  options.hooks?.['sweep-start']?.({ manifest: sweep, total: sweep.cells.length, finished, earlier: { calls: earlier.calls, tokens: earlier.inputTokens + earlier.outputTokens, costUsd: earlier.costUsd } });

  const counts: SweepResult['counts'] = { skipped: 0, ran: 0, resumed: 0, retried: 0, replaced: 0, 'not-started': 0 };
  const index = new Map(sweep.cells.map((c, i) => [c.dir, i]));
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  let fatal: unknown;
  let stopReason: string | undefined;
  const budgetLeft = (): string | undefined => {
    const b = sweep.budget;
    if (b?.tokens !== undefined && models.ledger.tokens >= b.tokens) return `sweep tokens budget exhausted: used ${models.ledger.tokens} of ${b.tokens}`;
    if (b?.dollars !== undefined && models.ledger.total.cost >= b.dollars) return `sweep dollars budget exhausted: used ${models.ledger.total.cost} of ${b.dollars}`;
    return undefined;
  };

  // Seed-major order: the cells of one seed (a paired comparison) run close together, and calls they
  // share with a common cache are asked once.
  const order = [...sweep.cells].sort((a, b) => sweep.seeds.indexOf(a.seed) - sweep.seeds.indexOf(b.seed) || index.get(a.dir)! - index.get(b.dir)!);
  for (const cell of order) {
    void queue.add(async () => {
      if (fatal !== undefined || options.signal?.aborted) return void counts['not-started']++;
      const exhausted = budgetLeft();
      if (exhausted) {
        stopReason ??= exhausted;
        return void counts['not-started']++;
      }
      options.hooks?.['cell-start']?.(cell);
      const onCall = options.hooks?.['model-call-end'];
      const extra = options.engineHooks?.(cell);
      const hooks: EngineHooks = { ...extra, ...(onCall ? { 'model-call-end': (call) => (onCall(cell, call), extra?.['model-call-end']?.(call)) } : {}) };
      try {
        const outcome = await runCell({
          manifest: sweep,
          cell,
          dir: out,
          models,
          ...(options.games ? { games: options.games } : {}),
          ...(options.modelBuilder ? { modelBuilder: () => options.modelBuilder!(models) } : {}),
          hooks,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.clock ? { clock: options.clock } : {}),
          ...(options.force ? { force: true } : {}),
        });
        counts[outcome.action]++;
        rows[index.get(cell.dir)!] = outcome.row;
        writeResults(out, rows);
        debug('cell %s: %s (%s)', cell.dir, outcome.action, outcome.row.status);
        options.hooks?.['cell-end']?.(outcome);
      } catch (error) {
        // A config error, a changed cell or a bug: stop starting cells and report it after the running ones end.
        fatal ??= error;
      }
    });
  }
  await queue.onIdle();
  if (fatal !== undefined) throw fatal;

  const final = collectResults(out, sweep);
  writeResults(out, final);
  const comparison = compareResults(final, sweep);
  writeComparison(out, comparison);
  if (options.signal?.aborted) stopReason ??= 'aborted by its caller';
  const outcome = sweepOutcome(final, stopReason);
  return { dir: out, manifest: sweep, ...outcome, rows: final, comparison, counts };
}

/**
 * The status of a sweep from its final rows: `stopped` while cells remain (pending, or stopped by the
 * sweep budget), else `failed` when a cell failed, else `completed`; with the usage over all rows.
 */
export function sweepOutcome(rows: readonly ResultRow[], stopReason?: string): Pick<SweepResult, 'status' | 'reason' | 'usage'> {
  const pending = rows.some((r) => r.status === 'pending' || (r.status === 'stopped' && isSweepBudgetStop(r.error)));
  const reason = stopReason ?? (pending ? rows.find((r) => isSweepBudgetStop(r.error))?.error : undefined);
  const status: SweepResult['status'] = pending ? 'stopped' : rows.some((r) => r.status === 'failed') ? 'failed' : 'completed';
  return {
    status,
    ...(status === 'stopped' && reason ? { reason } : {}),
    usage: {
      calls: sum(rows, (r) => r.calls),
      inputTokens: sum(rows, (r) => r.inputTokens),
      outputTokens: sum(rows, (r) => r.outputTokens),
      costUsd: sum(rows, (r) => r.costUsd),
    },
  };
}

/**
 * Makes DIR ready for a sweep: refuses one that holds another config (unless `force`) and a dollar
 * budget on an unpriced model, then writes sweep.json. Local sweeps and queue submitters call it.
 */
export function prepareSweepDirectory(out: string, sweep: SweepManifest, force: boolean): void {
  mkdirSync(out, { recursive: true });
  const existing = readSweepManifest(out);
  if (existing && existing.hash !== sweep.hash && !force) throw new SweepChangedError(out, describeChanges(existing, sweep));
  if (sweep.budget?.dollars !== undefined) {
    for (const c of sweep.conditions) {
      const config = cellConfig(sweep, { condition: c.name, seed: sweep.seeds[0]! });
      assertPricedBudget(sweep.budget.dollars, config, modelSpecs(config).map(specIdentity));
    }
  }
  writeSweepManifest(out, sweep);
}

/** Usage over the cells' current summaries (what earlier invocations spent). */
export function earlierUsage(out: string, sweep: SweepManifest): { calls: number; inputTokens: number; outputTokens: number; costUsd: number } {
  const earlier = { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
  for (const cell of sweep.cells) {
    const summary = readCellSummary(join(out, cell.dir));
    if (!summary) continue;
    earlier.calls += summary.usage.calls;
    earlier.inputTokens += summary.usage.inputTokens;
    earlier.outputTokens += summary.usage.outputTokens;
    earlier.costUsd += summary.usage.costUsd;
  }
  return earlier;
}

/** A row that needs no more work: not pending, not failed, not stopped by the sweep budget. */
export function isFinishedRow(r: ResultRow): boolean {
  return r.status !== 'pending' && r.status !== 'failed' && !(r.status === 'stopped' && isSweepBudgetStop(r.error));
}

/** One line per difference between the manifest in DIR and the new sweep. */
export function describeChanges(before: SweepManifest, after: SweepManifest): string[] {
  const changes: string[] = [];
  const diffPaths = (a: unknown, b: unknown, path: string): void => {
    if (canonicalJson(a) === canonicalJson(b)) return;
    if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        diffPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
      }
      return;
    }
    changes.push(`base ${path}: ${JSON.stringify(a) ?? 'absent'} -> ${JSON.stringify(b) ?? 'absent'}`);
  };
  diffPaths(before.base, after.base, '');
  const old = new Map(before.conditions.map((c) => [c.name, c.set]));
  for (const c of after.conditions) {
    const was = old.get(c.name);
    if (was === undefined) changes.push(`condition "${c.name}" is new`);
    else if (canonicalJson(was) !== canonicalJson(c.set)) changes.push(`condition "${c.name}": set ${JSON.stringify(was)} -> ${JSON.stringify(c.set)}`);
  }
  for (const name of old.keys()) if (!after.conditions.some((c) => c.name === name)) changes.push(`condition "${name}" was removed`);
  return changes.length ? changes : ['the config hash differs'];
}

const sum = (rows: readonly ResultRow[], f: (r: ResultRow) => number): number => rows.reduce((t, r) => t + f(r), 0);
