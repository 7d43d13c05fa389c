// A queue worker: takes cell jobs from BullMQ and runs each with runCell in the sweep directory named by
// the job (shared storage). runCell is idempotent, so whatever BullMQ hands out again (a stalled job whose
// worker died, a retry after a failed attempt, a job submitted again after Redis lost it) resumes from the
// cell's last checkpoint or serves its recorded calls again: no recorded call is paid twice.
import { Redis, type RedisOptions } from 'ioredis';
import type { ConnectionOptions, Job, Worker } from 'bullmq';
import createDebug from 'debug';
import { modelSpecs, prepareProviders } from '../../engine/default-models.js';
import type { EngineHooks } from '../../engine/hooks.js';
import type { SharedModels } from '../../engine/shared-models.js';
import type { GameDefinition } from '../../games/definition.js';
import { cellConfig } from '../cell-config.js';
import { runCell } from '../run-cell.js';
import type { SweepManifest } from '../sweep-directory.js';
import { readSweepManifest } from '../sweep-files.js';
import { KEY_PREFIX, QUEUE_NAME, type CellJobData, type CellJobResult, type CellProgress } from './cell-job.js';
import { RedisBudgetModels } from './redis-budget.js';
import { RedisRateWindow } from './redis-rate-window.js';

const debug = createDebug('polis:worker');

export interface StartWorkerOptions {
  redis: RedisOptions;
  /** Cells run at once by this worker. @default 1 */
  concurrency?: number;
  /** Ms a worker holds a job's lock between renewals; a dead worker's job is taken back after it. @default 30000 (BullMQ's) */
  lockDuration?: number;
  /** Ms between checks for stalled jobs. @default 30000 (BullMQ's) */
  stalledInterval?: number;
  /** @default the game registry */
  games?: ReadonlyMap<string, GameDefinition<unknown>>;
  /** Ms between progress reports of one job. @default 250 */
  progressMs?: number;
  /** Observes each job's end (the CLI prints a line). */
  onJobEnd?: (info: { data: CellJobData; result?: CellJobResult; error?: string }) => void;
}

export interface QueueWorker {
  worker: Worker<CellJobData, CellJobResult>;
  /** Waits for the running cells to end, then disconnects. */
  close(): Promise<void>;
}

export async function startWorker(options: StartWorkerOptions): Promise<QueueWorker> {
  const { Worker, UnrecoverableError } = await import('bullmq');
  const redis = new Redis(options.redis);
  const sweeps = new Map<string, { manifest: SweepManifest; models: SharedModels }>();

  const openSweep = async (data: CellJobData): Promise<{ manifest: SweepManifest; models: SharedModels }> => {
    const key = `${data.dir}\0${data.hash}`;
    const known = sweeps.get(key);
    if (known) return known;
    const manifest = readSweepManifest(data.dir);
    if (!manifest) throw new UnrecoverableError(`no sweep.json in ${data.dir}: this worker cannot reach the sweep directory (workers need the same path on shared storage)`);
    if (manifest.hash !== data.hash) throw new UnrecoverableError(`${data.dir} now holds another sweep config (hash ${manifest.hash.slice(0, 12)}, job submitted with ${data.hash.slice(0, 12)})`);
    await prepareProviders([...new Set(manifest.conditions.flatMap((c) => modelSpecs(cellConfig(manifest, { condition: c.name, seed: manifest.seeds[0]! }))))]);
    const models = new RedisBudgetModels(redis, data.sweepId, manifest.budget, {
      rateWindow: (key, limits) => new RedisRateWindow(redis, key, limits),
    });
    const opened = { manifest, models };
    sweeps.set(key, opened);
    return opened;
  };

  // A cell this process is still running (its lock lapsed while Redis was away and the job came back):
  // wait for that run to end, then runCell finds it finished (or resumes it), never two writers at once.
  const running = new Map<string, Promise<unknown>>();
  const processCell = async (job: Job<CellJobData, CellJobResult>): Promise<CellJobResult> => {
    const key = `${job.data.dir}\0${job.data.cell.dir}`;
    for (let earlier = running.get(key); earlier; earlier = running.get(key)) await earlier.catch(() => undefined);
    const run = runJob(job);
    running.set(key, run);
    try {
      return await run;
    } finally {
      running.delete(key);
    }
  };

  const runJob = async (job: Job<CellJobData, CellJobResult>): Promise<CellJobResult> => {
    const data = job.data;
    const { manifest, models } = await openSweep(data);
    const progress: CellProgress = { round: 0, calls: 0, tokens: 0, costUsd: 0 };
    let last = 0;
    const report = (force = false): void => {
      const now = performance.now();
      if (!force && now - last < (options.progressMs ?? 250)) return;
      last = now;
      job.updateProgress({ ...progress }).catch((error: unknown) => debug('progress of %s not sent: %s', job.id, (error as Error).message));
    };
    const hooks: EngineHooks = {
      'turn-start': ({ phase }) => {
        if (phase.round !== progress.round) (progress.round = phase.round), report();
      },
      'model-call-end': (call) => {
        progress.calls++;
        progress.tokens += call.usage.inputTokens + call.usage.outputTokens;
        progress.costUsd += call.cost;
        report();
      },
    };
    debug('job %s: cell %s in %s (attempt %d)', job.id, data.cell.dir, data.dir, job.attemptsMade + 1);
    const outcome = await runCell({ manifest, cell: data.cell, dir: data.dir, models, hooks, ...(options.games ? { games: options.games } : {}) });
    report(true);
    const result: CellJobResult = { action: outcome.action, status: outcome.row.status, ...(outcome.row.error ? { error: outcome.row.error } : {}) };
    // A failed run is retried by BullMQ (with backoff); the retry serves the failed attempt's recorded calls.
    if (outcome.row.status === 'failed') throw new Error(outcome.row.error ?? 'the run failed');
    return result;
  };

  const worker = new Worker<CellJobData, CellJobResult>(QUEUE_NAME, processCell, {
    connection: options.redis as ConnectionOptions,
    prefix: KEY_PREFIX,
    concurrency: options.concurrency ?? 1,
    ...(options.lockDuration ? { lockDuration: options.lockDuration } : {}),
    ...(options.stalledInterval ? { stalledInterval: options.stalledInterval } : {}),
  });
  worker.on('completed', (job, result) => options.onJobEnd?.({ data: job.data, result }));
  worker.on('failed', (job, error) => job && options.onJobEnd?.({ data: job.data, error: error.message }));
  // Connection trouble is retried by ioredis; say it once per message rather than crash.
  worker.on('error', (error) => debug('worker error: %s', error.message));
  await worker.waitUntilReady();
  return {
    worker,
    close: async () => {
      await worker.close();
      redis.disconnect();
    },
  };
}
