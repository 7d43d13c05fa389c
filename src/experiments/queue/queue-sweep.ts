// The submitting side of a sweep on the queue: `submitSweep` writes DIR/sweep.json and DIR/queue.json and
// adds one job per unfinished cell (ids from cellJobId: submitting again adds nothing twice);
// `waitForSweep` follows the jobs until each has completed or failed, adding back any job Redis lost
// (a restart without persistence), then `collectQueueSweep` writes results.jsonl/csv and comparison.json
// from the cells' summaries, with the error of each job that failed without one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import type { ConnectionOptions, Job, Queue, QueueEvents } from 'bullmq';
import { InputError } from '../../core/errors/input-error.js';
import { collectResults } from '../collect-results.js';
import { compareResults } from '../compare-results.js';
import { inspectCell } from '../inspect-cell.js';
import { cellConfig } from '../cell-config.js';
import { earlierUsage, isFinishedRow, prepareSweepDirectory, sweepOutcome, type SweepResult } from '../run-sweep.js';
import type { ResultRow, SweepManifest } from '../sweep-directory.js';
import { readSweepManifest, writeAtomic, writeComparison, writeResults } from '../sweep-files.js';
import { KEY_PREFIX, QUEUE_NAME, cellJobId, sweepId, type CellJobData, type CellJobResult, type CellProgress } from './cell-job.js';
import { readBudgetCounters, seedBudgetCounters } from './redis-budget.js';

/** DIR/queue.json: how to find a sweep's jobs later (`polis sweep status|collect DIR`). */
export const QUEUE_FILE = 'queue.json';

export interface QueueFile {
  version: 1;
  /** The Redis URL without its password. */
  url: string;
  sweepId: string;
  /** Job id of each cell, in the manifest's cell order. */
  jobs: string[];
}

export interface SubmitOptions {
  sweep: SweepManifest;
  out: string;
  redis: RedisOptions;
  /** The URL given (stored without password in DIR/queue.json). */
  url: string;
  force?: boolean;
  /** Attempts per cell before its job fails. @default 3 */
  attempts?: number;
  /** First retry delay in ms (exponential backoff). @default 1000 */
  backoffMs?: number;
}

export interface Submitted {
  sweepId: string;
  jobs: string[];
  /** Cells given a job now. */
  added: number;
  /** Cells whose job was already waiting or running. */
  queued: number;
  /** Cells finished on disk (no job). */
  finished: number;
}

/** The queue with the project's prefix; BullMQ is imported here, only when a queue is used. */
export async function openQueue(redis: RedisOptions): Promise<Queue<CellJobData, CellJobResult>> {
  const { Queue } = await import('bullmq');
  return new Queue<CellJobData, CellJobResult>(QUEUE_NAME, { connection: redis as ConnectionOptions, prefix: KEY_PREFIX });
}

export async function submitSweep(options: SubmitOptions): Promise<Submitted> {
  const { sweep, out } = options;
  prepareSweepDirectory(out, sweep, Boolean(options.force));
  const id = sweepId(out, sweep);
  const jobs = sweep.cells.map((cell) => cellJobId(out, sweep, cell));
  const file: QueueFile = { version: 1, url: withoutPassword(options.url), sweepId: id, jobs };
  writeAtomic(join(out, QUEUE_FILE), `${JSON.stringify(file, null, 2)}\n`);

  const queue = await openQueue(options.redis);
  const redis = new Redis(options.redis);
  try {
    const spent = earlierUsage(out, sweep);
    await seedBudgetCounters(redis, id, { tokens: spent.inputTokens + spent.outputTokens, dollars: spent.costUsd });
    const result: Submitted = { sweepId: id, jobs, added: 0, queued: 0, finished: 0 };
    const add: Array<{ name: string; data: CellJobData; opts: { jobId: string; attempts: number; backoff: { type: 'exponential'; delay: number } } }> = [];
    for (const [i, cell] of sweep.cells.entries()) {
      const state = await inspectCell(join(out, cell.dir), cellConfig(sweep, cell));
      if (state.kind === 'finished') {
        result.finished++;
        continue;
      }
      const jobId = jobs[i]!;
      const existing = await queue.getJob(jobId);
      if (existing) {
        const jobState = await existing.getState();
        if (jobState !== 'completed' && jobState !== 'failed') {
          result.queued++;
          continue;
        }
        // Ended, yet the cell has work left (failed, or stopped by the sweep budget): run it again.
        await existing.remove();
      }
      add.push({ name: cell.dir, data: { dir: out, cell, hash: sweep.hash, sweepId: id }, opts: { jobId, attempts: options.attempts ?? 3, backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 } } });
    }
    if (add.length) await queue.addBulk(add);
    result.added = add.length;
    return result;
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** What the submitter sees while it waits (the CLI's status line is built from it). */
export interface QueueSweepHooks {
  /** Totals over the cells: finished before, plus every running job's last progress. */
  progress?: (info: { total: number; done: number; running: number; calls: number; tokens: number; costUsd: number }) => void;
  'cell-end'?: (info: { dir: string; status: string; action?: string; error?: string }) => void;
}

export interface WaitOptions {
  sweep: SweepManifest;
  out: string;
  redis: RedisOptions;
  hooks?: QueueSweepHooks;
  /** @default 250 */
  pollMs?: number;
  /** Give up when Redis has not answered for this long. @default 60000 */
  redisTimeoutMs?: number;
  signal?: AbortSignal;
}

/** Thrown when Redis stays unreachable: what is on disk is kept, and submitting again goes on. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
}

/** Follows a submitted sweep's jobs until each completed or failed; then collects its results. */
export async function waitForSweep(options: WaitOptions): Promise<SweepResult & { failures: Record<string, string> }> {
  const { sweep, out } = options;
  const file = readQueueFile(out);
  const queue = await openQueue(options.redis);
  const { QueueEvents } = await import('bullmq');
  const events: QueueEvents = new QueueEvents(QUEUE_NAME, { connection: options.redis as ConnectionOptions, prefix: KEY_PREFIX });
  const index = new Map(file.jobs.map((id, i) => [id, i]));
  const progress = new Map<string, CellProgress>();
  const ended = new Map<string, 'completed' | 'failed'>();
  const failures: Record<string, string> = {};
  const counts: SweepResult['counts'] = { skipped: 0, ran: 0, resumed: 0, retried: 0, replaced: 0, 'not-started': 0 };
  const earlier = earlierUsage(out, sweep);
  const finishedBefore = new Set(collectResults(out, sweep).flatMap((r, i) => (isFinishedRow(r) ? [file.jobs[i]!] : [])));
  const report = (): void => {
    let calls = earlier.calls;
    let tokens = earlier.inputTokens + earlier.outputTokens;
    let costUsd = earlier.costUsd;
    for (const p of progress.values()) (calls += p.calls), (tokens += p.tokens), (costUsd += p.costUsd);
    const running = [...progress.keys()].filter((id) => !ended.has(id)).length;
    options.hooks?.progress?.({ total: file.jobs.length, done: finishedBefore.size + ended.size, running, calls, tokens, costUsd });
  };
  events.on('progress', ({ jobId, data }) => {
    if (!index.has(jobId) || finishedBefore.has(jobId) || typeof data !== 'object') return;
    progress.set(jobId, data as unknown as CellProgress);
    report();
  });
  events.on('error', () => undefined);
  const end = (job: Job<CellJobData, CellJobResult>, state: 'completed' | 'failed'): void => {
    const id = job.id!;
    if (ended.has(id)) return;
    ended.set(id, state);
    if (state === 'failed') failures[job.data.cell.dir] = job.failedReason;
    const result = job.returnvalue;
    if (result?.action && result.action in counts) counts[result.action as keyof typeof counts]++;
    options.hooks?.['cell-end']?.({ dir: job.data.cell.dir, status: state === 'failed' ? 'failed' : (result?.status ?? 'completed'), ...(result?.action ? { action: result.action } : {}), ...(state === 'failed' ? { error: job.failedReason } : result?.error ? { error: result.error } : {}) });
    report();
  };
  try {
    await withTimeout(events.waitUntilReady(), options.redisTimeoutMs ?? 60_000, { url: file.url });
    report();
    for (;;) {
      if (options.signal?.aborted) break;
      const waiting = file.jobs.filter((id) => !finishedBefore.has(id) && !ended.has(id));
      if (!waiting.length) break;
      const jobs = await withTimeout(Promise.all(waiting.map(async (id) => [id, await queue.getJob(id)] as const)), options.redisTimeoutMs ?? 60_000, { url: file.url });
      for (const [id, job] of jobs) {
        if (!job) {
          // Redis lost it (restarted without persistence): add it again; the cell resumes from its files.
          const cell = sweep.cells[index.get(id)!]!;
          await queue.add(cell.dir, { dir: out, cell, hash: sweep.hash, sweepId: file.sweepId }, { jobId: id, attempts: 3, backoff: { type: 'exponential', delay: 1000 } });
          continue;
        }
        const state = await job.getState();
        if (state === 'completed' || state === 'failed') end(job, state);
      }
      await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
    }
  } finally {
    await events.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
  }
  return { ...collectQueueSweep(out, sweep, failures), counts: { ...counts, skipped: counts.skipped + finishedBefore.size } };
}

/** Writes results.jsonl/csv and comparison.json from DIR; a cell with no summary gets its job's error. */
export function collectQueueSweep(out: string, sweep: SweepManifest, failures: Record<string, string> = {}): SweepResult & { failures: Record<string, string> } {
  const rows: ResultRow[] = collectResults(out, sweep).map((r) => (r.status === 'pending' && failures[r.dir] !== undefined ? { ...r, status: 'failed', error: failures[r.dir] } : r));
  writeResults(out, rows);
  const comparison = compareResults(rows, sweep);
  writeComparison(out, comparison);
  const counts = { skipped: 0, ran: 0, resumed: 0, retried: 0, replaced: 0, 'not-started': 0 };
  return { dir: out, manifest: sweep, ...sweepOutcome(rows), rows, comparison, counts, failures };
}

/** Job states of a sweep's cells, and the budget counters. */
export async function queueStatus(out: string, redis: RedisOptions, timeoutMs = 10_000): Promise<{ states: Record<string, number>; failures: Record<string, string>; progress: CellProgress; budget: { tokens: number; dollars: number } }> {
  const sweep = readSweepManifest(out);
  if (!sweep) throw new InputError('not a sweep directory (no sweep.json)', { file: join(out, 'sweep.json') });
  const file = readQueueFile(out);
  const queue = await openQueue(redis);
  const client = new Redis(redis);
  try {
    return await withTimeout(
      (async () => {
        const states: Record<string, number> = {};
        const failures: Record<string, string> = {};
        const progress: CellProgress = { round: 0, calls: 0, tokens: 0, costUsd: 0 };
        for (const [i, id] of file.jobs.entries()) {
          const job = await queue.getJob(id);
          const state = job ? await job.getState() : 'no job';
          states[state] = (states[state] ?? 0) + 1;
          if (job && state === 'failed') failures[sweep.cells[i]!.dir] = job.failedReason;
          if (job && state === 'active' && typeof job.progress === 'object') {
            const p = job.progress as unknown as CellProgress;
            (progress.calls += p.calls), (progress.tokens += p.tokens), (progress.costUsd += p.costUsd);
          }
        }
        return { states, failures, progress, budget: await readBudgetCounters(client, file.sweepId) };
      })(),
      timeoutMs,
      { url: file.url },
    );
  } finally {
    await queue.close().catch(() => undefined);
    client.disconnect();
  }
}

export function readQueueFile(out: string): QueueFile {
  const path = join(out, QUEUE_FILE);
  if (!existsSync(path)) throw new InputError('this sweep was not submitted to a queue (no queue.json; run `polis sweep CONFIG --queue redis://... --out DIR`)', { file: path });
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as QueueFile;
  } catch (error) {
    throw new InputError(`unreadable queue file: ${(error as Error).message}`, { file: path }, { cause: error });
  }
}

function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, where: { url?: string }): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(`Redis${where.url ? ` at ${where.url}` : ''} did not answer for ${Math.round(ms / 1000)}s; the cells on disk are kept: submit the sweep again (or \`polis sweep collect DIR\`) once Redis is back`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
