// A sweep's report data from its directory: the cells from results.jsonl (or the manifest, for cells not
// collected yet), the comparison from comparison.json (both read through src/experiments' readers), and
// series over rounds from each cell's trace, summarised per condition as mean and min-max band over seeds.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors/index.js';
import { readComparison, readResults, readSweepManifest } from '../experiments/sweep-files.js';
import type { ResultRow } from '../experiments/sweep-directory.js';
import type { Band, SweepCellView, SweepView } from './report-data.js';
import { runView } from './run-view.js';

/** The series over rounds every cell has: the mean of the agents' cumulative payoffs. */
export const MEAN_PAYOFF = 'mean payoff';

export function isSweepDir(path: string): boolean {
  return existsSync(join(path, 'sweep.json'));
}

export async function sweepView(dir: string, source = dir): Promise<SweepView> {
  const manifest = readSweepManifest(dir);
  if (!manifest) throw new InputError('not a sweep directory: it has no sweep.json', { file: dir });
  const rows = new Map((readResults(dir) ?? []).map((r) => [r.dir, r]));
  const cells: SweepCellView[] = manifest.cells.map((c) => cellView(c, rows.get(c.dir)));
  const perCell: Array<{ condition: string; series: Map<string, Map<number, number>> }> = [];
  for (const cell of manifest.cells) {
    const trace = join(dir, cell.dir, 'trace.jsonl');
    if (!existsSync(trace)) continue;
    perCell.push({ condition: cell.condition, series: cellSeries(await runView(trace)) });
  }
  const comparison = readComparison(dir) ?? null;
  return {
    kind: 'sweep',
    source,
    name: manifest.name ?? dir,
    conditions: manifest.conditions.map((c) => c.name),
    seeds: manifest.seeds,
    cells,
    metricNames: metricOrder(cells, comparison ? Object.keys(comparison.metrics) : []),
    overRounds: bands(manifest.conditions.map((c) => c.name), perCell),
    comparison,
  };
}

function cellView(cell: { condition: string; seed: number; dir: string }, row: ResultRow | undefined): SweepCellView {
  if (!row) return { ...cell, status: 'pending', costUsd: 0, calls: 0, tokens: 0, wallMs: 0, metrics: {} };
  return {
    ...cell,
    status: row.status,
    costUsd: row.costUsd,
    calls: row.calls,
    tokens: row.inputTokens + row.outputTokens,
    wallMs: row.wallMs,
    metrics: row.metrics,
    ...(row.error === undefined ? {} : { error: row.error }),
  };
}

/** Metric names, those that differ between cells first (in the comparison's order), constant ones last. */
function metricOrder(cells: SweepCellView[], compared: string[]): string[] {
  const names = [...new Set([...compared, ...cells.flatMap((c) => Object.keys(c.metrics))])];
  const varies = (n: string) => new Set(cells.filter((c) => n in c.metrics).map((c) => c.metrics[n])).size > 1;
  return [...names.filter(varies), ...names.filter((n) => !varies(n))];
}

/** Per series name, value by round. */
function cellSeries(run: Awaited<ReturnType<typeof runView>>): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  const mean = new Map<number, number>();
  run.rounds.forEach((round, i) => {
    const values = Object.values(run.payoffs).map((s) => s[i]).filter((x): x is number => x !== null && x !== undefined);
    if (values.length > 0) mean.set(round, values.reduce((a, b) => a + b, 0) / values.length);
  });
  if (mean.size > 0) out.set(MEAN_PAYOFF, mean);
  for (const [name, values] of Object.entries(run.metrics)) {
    const byRound = new Map<number, number>();
    run.rounds.forEach((round, i) => {
      const v = values[i];
      if (v !== null && v !== undefined) byRound.set(round, v);
    });
    if (byRound.size > 0) out.set(name, byRound);
  }
  return out;
}

function bands(
  conditions: string[],
  cells: Array<{ condition: string; series: Map<string, Map<number, number>> }>,
): Record<string, Record<string, Band>> {
  const names = [...new Set(cells.flatMap((c) => [...c.series.keys()]))];
  const out: Record<string, Record<string, Band>> = {};
  for (const name of names) {
    out[name] = {};
    for (const condition of conditions) {
      const runs = cells.filter((c) => c.condition === condition).map((c) => c.series.get(name)).filter((s) => s !== undefined);
      if (runs.length === 0) continue;
      const rounds = [...new Set(runs.flatMap((r) => [...r.keys()]))].sort((a, b) => a - b);
      const band: Band = { rounds, mean: [], min: [], max: [], n: runs.length };
      for (const round of rounds) {
        const values = runs.map((r) => r.get(round)).filter((v): v is number => v !== undefined);
        band.mean.push(values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
        band.min.push(values.length ? Math.min(...values) : null);
        band.max.push(values.length ? Math.max(...values) : null);
      }
      out[name]![condition] = band;
    }
  }
  return out;
}
