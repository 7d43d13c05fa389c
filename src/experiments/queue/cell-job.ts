// What the queue holds: one job per cell, named by the cell's run config and sweep directory, so
// submitting a sweep again never adds a cell twice. The job carries only where the cell lives; the
// worker reads everything else from DIR/sweep.json (shared storage).
import { hashValue } from '../../core/hash.js';
import { cellConfig } from '../cell-config.js';
import type { SweepCell, SweepManifest } from '../sweep-directory.js';

/** The BullMQ queue every sweep and worker use (keys `polis:sweep-cells:*`). */
export const QUEUE_NAME = 'sweep-cells';
/** Prefix of every Redis key (BullMQ's and the sweep counters). */
export const KEY_PREFIX = 'polis';

export interface CellJobData {
  /** The sweep directory (absolute; the same path on every worker: shared storage). */
  dir: string;
  cell: SweepCell;
  /** The manifest hash the job was submitted with: a worker refuses a directory that now holds another. */
  hash: string;
  /** Names the sweep's Redis counters (budget). */
  sweepId: string;
}

/** What a job returns: the cell's result row status and what the worker did. */
export interface CellJobResult {
  action: string;
  status: string;
  error?: string;
}

/** Progress a job reports while its cell runs (job.updateProgress). */
export interface CellProgress {
  round: number;
  calls: number;
  tokens: number;
  costUsd: number;
}

/** One sweep directory with one config: the id of its counters. */
export function sweepId(dir: string, manifest: Pick<SweepManifest, 'hash'>): string {
  return hashValue({ dir, hash: manifest.hash }).slice(0, 16);
}

/** `cell-<hash of the cell's run config and directory>-seed-<n>` (BullMQ ids may not hold `:`). */
export function cellJobId(dir: string, manifest: SweepManifest, cell: SweepCell): string {
  return `cell-${hashValue({ dir, config: cellConfig(manifest, cell) }).slice(0, 24)}-seed-${cell.seed}`;
}

/** The Redis keys of a sweep's budget counters. */
export function budgetKeys(id: string): { tokens: string; dollars: string } {
  return { tokens: `${KEY_PREFIX}:sweep:${id}:tokens`, dollars: `${KEY_PREFIX}:sweep:${id}:dollars` };
}
