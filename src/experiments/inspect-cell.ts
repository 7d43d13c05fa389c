// What is on disk for a cell, and so what running it again means: nothing (skip), resume from the last
// checkpoint, retry, start, or stop because it was recorded under another config. Reads the trace only
// through src/traces.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../core/hash.js';
import type { RunConfig } from '../engine/config/config-schema.js';
import type { TraceEvent, TraceHeader } from '../traces/event.js';
import { iterateTrace } from '../traces/trace-reader.js';
import { readCellSummary, type CellSummary } from './collect-results.js';

export type CellState =
  /** Nothing recorded yet. */
  | { kind: 'pending' }
  /** Done: completed, degraded, or stopped by the run's own budget. */
  | { kind: 'finished'; summary: CellSummary }
  /** A trace that never ended (the process died): resume from its last checkpoint. */
  | { kind: 'interrupted' }
  /** Ended but not done: failed, stopped by the sweep's budget, or ended without a summary. */
  | { kind: 'retry'; why: string }
  /** Recorded under a config other than this cell's. */
  | { kind: 'changed'; recorded: RunConfig | undefined };

export async function inspectCell(cellDir: string, expected: RunConfig): Promise<CellState> {
  const trace = join(cellDir, 'trace.jsonl');
  if (!existsSync(trace)) return existsSync(join(cellDir, 'summary.json')) ? { kind: 'retry', why: 'a summary without a trace' } : { kind: 'pending' };
  let header: TraceHeader;
  try {
    header = await readTraceHeader(trace);
  } catch {
    return { kind: 'retry', why: 'its trace has no readable header' };
  }
  if (canonicalJson(header.config) !== canonicalJson(expected)) return { kind: 'changed', recorded: header.config as RunConfig };
  const summary = readCellSummary(cellDir);
  if (summary) {
    if (summary.status === 'failed') return { kind: 'retry', why: `it failed: ${summary.reason ?? 'no reason recorded'}` };
    if (summary.status === 'stopped' && isSweepBudgetStop(summary.reason)) return { kind: 'retry', why: `the sweep budget stopped it (${summary.reason})` };
    return { kind: 'finished', summary };
  }
  return (await hasRunEnd(trace)) ? { kind: 'retry', why: 'it ended without writing summary.json' } : { kind: 'interrupted' };
}

/** A stop by the budget over all cells (BudgetExceededError with scope `sweep`), not the run's own. */
export function isSweepBudgetStop(reason: string | undefined): boolean {
  return reason?.startsWith('sweep ') ?? false;
}

async function readTraceHeader(file: string): Promise<TraceHeader> {
  const it = iterateTrace(file);
  try {
    const first = await it.next();
    if (first.done || first.value.type !== 'header') throw new Error('no header');
    return first.value;
  } finally {
    await it.return({});
  }
}

async function hasRunEnd(file: string): Promise<boolean> {
  try {
    for await (const value of iterateTrace(file)) if ((value as TraceEvent).type === 'run-end') return true;
  } catch {
    // A corrupt middle: a fresh attempt (the old file is kept) is all that can be done.
    return true;
  }
  return false;
}
