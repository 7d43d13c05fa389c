// Which view a path (or two) makes: a sweep directory (it has sweep.json), a run directory or trace
// file, or two runs side by side.
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pairView } from './pair-view.js';
import type { ReportView } from './report-data.js';
import { runView, traceFileOf } from './run-view.js';
import { isSweepDir, sweepView } from './sweep-view.js';

export async function buildView(paths: readonly string[], cwd = process.cwd()): Promise<ReportView> {
  const [a, b] = paths.map((p) => resolve(cwd, p));
  if (b !== undefined) return pairView(a!, b);
  if (isSweepDir(a!)) return sweepView(a!, paths[0]);
  return runView(a!, paths[0]);
}

/** Where `polis report` writes when `--out` is not given: beside what it reports on, never over it. */
export function defaultReportFile(paths: readonly string[], cwd = process.cwd()): string {
  const a = resolve(cwd, paths[0]!);
  const dirOf = (p: string) => (statSync(p).isFile() ? dirname(p) : p);
  if (paths.length > 1) return resolve(dirOf(a), `report-vs-${basename(dirOf(resolve(cwd, paths[1]!)))}.html`);
  if (isSweepDir(a) || !statSync(a).isFile()) return resolve(a, 'report.html');
  traceFileOf(a);
  return resolve(dirname(a), `${basename(a).replace(/\.jsonl$/, '')}.report.html`);
}

export function viewTitle(view: ReportView): string {
  if (view.kind === 'sweep') return `Polis sweep ${view.name}`;
  if (view.kind === 'pair') return `Polis: ${view.a.source} vs ${view.b.source}`;
  return `Polis run ${view.runId} (${view.game})`;
}
