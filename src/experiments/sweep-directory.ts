// The sweep directory contract (team agreement 5): what `runSweep` writes under DIR and what the report,
// the viewer and queue workers read. Types only; `sweep-files.ts` reads and writes these files.
//
//   DIR/sweep.json                 SweepManifest
//   DIR/<condition>/seed-<n>/      a normal run directory (trace.jsonl, summary.json)
//   DIR/results.jsonl              one ResultRow per cell, in the manifest's cell order
//   DIR/results.csv                the same rows (columns: see RESULTS_CSV_FIXED_COLUMNS)
//   DIR/comparison.json            Comparison
import type { RunConfig } from '../engine/config/config-schema.js';

/** A named set of overrides on the base run config: `{ "params.punishment": true }`. */
export interface SweepCondition {
  /** Also the cell directory's first part: letters, digits, `_`, `.` and `-`. */
  name: string;
  /** Config path to value; paths as in `--set` (`agents[0].policy.model`, `agents[1].persona.age`). */
  set: Record<string, unknown>;
}

export interface SweepCell {
  condition: string;
  seed: number;
  /** Relative to DIR: `<condition>/seed-<n>`. */
  dir: string;
}

/** `DIR/sweep.json`. */
export interface SweepManifest {
  version: 1;
  name?: string;
  /** The base run config, validated and with defaults filled in (a cell's config is this plus its condition and seed). */
  base: RunConfig;
  conditions: SweepCondition[];
  seeds: number[];
  /** Every cell, conditions outer and seeds inner. */
  cells: SweepCell[];
  /**
   * Beyond agreement 5 (readers ignore it): sha256 of the canonical JSON of `base` and `conditions`, the
   * two things that decide every cell's config. A rerun under DIR with another hash is refused.
   */
  hash: string;
  /** Beyond agreement 5: the budget over all cells together. */
  budget?: SweepBudget;
}

export interface SweepBudget {
  /** Most input+output tokens over all cells (earlier invocations included). */
  tokens?: number;
  /** Most US dollars over all cells (earlier invocations included). */
  dollars?: number;
}

/** A run status, or `pending` for a cell with no summary yet. */
export type CellStatus = 'completed' | 'stopped' | 'failed' | 'degraded' | 'pending';

/** One line of `DIR/results.jsonl` (and one row of `DIR/results.csv`). */
export interface ResultRow {
  condition: string;
  seed: number;
  status: CellStatus;
  /** Relative to DIR. */
  dir: string;
  /** The run's summary metrics (finite numbers only). */
  metrics: Record<string, number>;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** US dollars. */
  costUsd: number;
  /** Wall-clock milliseconds of the run (the last attempt). */
  wallMs: number;
  /** Why the run failed or stopped. */
  error?: string;
}

/**
 * A sample's summary. With n < 2 the spread is unknown: `sd`, `ci95` (and `p` of a difference) are null.
 */
export interface SampleSummary {
  n: number;
  mean: number | null;
  sd: number | null;
  ci95: [number, number] | null;
}

/** `b` minus `a` over the seeds where both cells finished. */
export interface PairedDifference extends SampleSummary {
  a: string;
  b: string;
  /** Two-sided p value of the paired test (null with n < 2; 1 or 0 when every difference is equal). */
  p: number | null;
}

export interface MetricComparison {
  byCondition: Record<string, SampleSummary>;
  differences: PairedDifference[];
}

/** `DIR/comparison.json`. */
export interface Comparison {
  version: 1;
  conditions: string[];
  seeds: number[];
  /** How `ci95` of each condition is computed, in words. */
  interval: string;
  /** How each difference is tested, in words. */
  paired: string;
  metrics: Record<string, MetricComparison>;
}
