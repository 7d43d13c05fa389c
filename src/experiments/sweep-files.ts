// Typed readers and writers of the sweep directory's files (agreement 5). Writers replace a file
// atomically (temporary name, then rename), so a reader never sees half a file.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import type { z } from 'zod';
import { InputError } from '../core/errors/input-error.js';
import { formatPath } from '../core/zod-issues.js';
import { comparisonSchema, resultRowSchema, sweepManifestSchema } from './sweep-file-schemas.js';
import type { Comparison, ResultRow, SweepManifest } from './sweep-directory.js';

export const SWEEP_FILE = 'sweep.json';
export const RESULTS_JSONL = 'results.jsonl';
export const RESULTS_CSV = 'results.csv';
export const COMPARISON_FILE = 'comparison.json';

/** results.csv: these columns first, then one per metric, then RESULTS_CSV_USAGE_COLUMNS. */
export const RESULTS_CSV_FIXED_COLUMNS = ['condition', 'seed', 'status'] as const;
export const RESULTS_CSV_USAGE_COLUMNS = ['calls', 'input_tokens', 'output_tokens', 'cost_usd', 'wall_ms', 'error'] as const;

/** Writes `file` through a temporary file and a rename: a reader never sees half of it. */
export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(error)})`, { file }, { cause: error });
  }
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, file: string, line?: number): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(issue.message, { file, ...(line === undefined ? {} : { line }), field: formatPath(issue.path) || '(root)' });
  }
  return parsed.data;
}

function parseJson(text: string, file: string, line?: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`invalid JSON: ${(error as Error).message}`, { file, ...(line === undefined ? {} : { line }) });
  }
}

/** `DIR/sweep.json`, or undefined when DIR has none. */
export function readSweepManifest(dir: string): SweepManifest | undefined {
  const file = join(dir, SWEEP_FILE);
  if (!existsSync(file)) return undefined;
  return parseWith(sweepManifestSchema, parseJson(readText(file), file), file) as unknown as SweepManifest;
}

export function writeSweepManifest(dir: string, manifest: SweepManifest): void {
  writeAtomic(join(dir, SWEEP_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** `DIR/results.jsonl`, or undefined when DIR has none. */
export function readResults(dir: string): ResultRow[] | undefined {
  const file = join(dir, RESULTS_JSONL);
  if (!existsSync(file)) return undefined;
  const rows: ResultRow[] = [];
  readText(file)
    .split('\n')
    .forEach((line, i) => {
      if (line.trim()) rows.push(parseWith(resultRowSchema, parseJson(line, file, i + 1), file, i + 1) as ResultRow);
    });
  return rows;
}

/** Metric names over all rows, in order of first appearance. */
export function metricNames(rows: readonly ResultRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row.metrics)) names.add(name);
  return [...names];
}

/** The rows as results.csv text. */
export function resultsCsv(rows: readonly ResultRow[]): string {
  const metrics = metricNames(rows);
  const header = [...RESULTS_CSV_FIXED_COLUMNS, ...metrics, ...RESULTS_CSV_USAGE_COLUMNS];
  const records = rows.map((r) => [r.condition, r.seed, r.status, ...metrics.map((m) => r.metrics[m] ?? ''), r.calls, r.inputTokens, r.outputTokens, r.costUsd, r.wallMs, r.error ?? '']);
  return stringifyCsv([header, ...records]);
}

/** Writes results.jsonl and results.csv. */
export function writeResults(dir: string, rows: readonly ResultRow[]): void {
  writeAtomic(join(dir, RESULTS_JSONL), rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  writeAtomic(join(dir, RESULTS_CSV), resultsCsv(rows));
}

/** One results.csv row: the fixed columns, the metric columns as numbers (absent when empty), the usage columns. */
export interface ResultsCsvRow {
  condition: string;
  seed: number;
  status: string;
  metrics: Record<string, number>;
  calls: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  wall_ms: number;
  error: string;
}

/** `DIR/results.csv` (for tools that only have the CSV); prefer readResults. */
export function readResultsCsv(dir: string): ResultsCsvRow[] | undefined {
  const file = join(dir, RESULTS_CSV);
  if (!existsSync(file)) return undefined;
  const records = parseCsv(readText(file), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const fixed = new Set<string>([...RESULTS_CSV_FIXED_COLUMNS, ...RESULTS_CSV_USAGE_COLUMNS]);
  return records.map((r, i) => {
    const number = (key: string): number => {
      const v = Number(r[key]);
      if (r[key] === undefined || r[key] === '' || !Number.isFinite(v)) throw new InputError(`expected a number, got "${r[key] ?? ''}"`, { file, line: i + 2, field: key });
      return v;
    };
    const metrics: Record<string, number> = {};
    for (const [key, value] of Object.entries(r)) if (!fixed.has(key) && value !== '') metrics[key] = Number(value);
    return { condition: r.condition ?? '', seed: number('seed'), status: r.status ?? '', metrics, calls: number('calls'), input_tokens: number('input_tokens'), output_tokens: number('output_tokens'), cost_usd: number('cost_usd'), wall_ms: number('wall_ms'), error: r.error ?? '' };
  });
}

/** `DIR/comparison.json`, or undefined when DIR has none. */
export function readComparison(dir: string): Comparison | undefined {
  const file = join(dir, COMPARISON_FILE);
  if (!existsSync(file)) return undefined;
  return parseWith(comparisonSchema, parseJson(readText(file), file), file) as Comparison;
}

export function writeComparison(dir: string, comparison: Comparison): void {
  writeAtomic(join(dir, COMPARISON_FILE), `${JSON.stringify(comparison, null, 2)}\n`);
}
