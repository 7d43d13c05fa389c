import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { modelSpecs, prepareProviders } from '../../engine/default-models.js';
import { estimateRun, type ModelEstimate } from '../../engine/estimate-run.js';
import { assertPricedBudget, specIdentity } from '../../engine/price-check.js';
import { cellConfig } from '../../experiments/cell-config.js';
import { formatComparison } from '../../experiments/format-comparison.js';
import { inConfigFile } from '../../engine/config/load-config.js';
import { loadSweep } from '../../experiments/resolve-sweep.js';
import { collectResults } from '../../experiments/collect-results.js';
import { runSweep, type SweepResult } from '../../experiments/run-sweep.js';
import type { SweepManifest } from '../../experiments/sweep-directory.js';
import { COMPARISON_FILE, RESULTS_CSV, RESULTS_JSONL, readSweepManifest } from '../../experiments/sweep-files.js';
import type { GameDefinition } from '../../games/definition.js';
import { gameRegistry } from '../../games/registry.js';
import { SweepChangedError } from '../../core/errors/sweep-changed-error.js';
import { EXIT, CliExit, type CliIo } from '../command.js';
import { addEstimates, printEstimate } from '../estimate-table.js';
import { queueProgress, sweepProgress } from '../sweep-progress.js';
import { parseIntStrict } from './run.js';

const games = gameRegistry as ReadonlyMap<string, GameDefinition<unknown>>;

export function register(program: Command, io: CliIo): void {
  const sweepCommand = program
    .command('sweep')
    .description('run every cell (condition x seed) of a sweep config as a run directory DIR/<condition>/seed-<n>/; write results.csv, results.jsonl and comparison.json; a rerun skips finished cells and resumes or retries the rest')
    .argument('<config>', 'sweep config file (YAML, JSON or TypeScript)')
    .option('--out <dir>', 'the sweep directory (required; with --queue, a path every worker reaches: shared storage)')
    .option('--concurrency <n>', 'cells run at once', (v) => parseIntStrict(v, '--concurrency'), 4)
    .option('--queue <url>', 'run the cells on a BullMQ queue in Redis (redis://host:port) with `polis worker` processes, one job per cell')
    .option('--detach', 'with --queue: submit the cells and return (`polis sweep status DIR`, `polis sweep collect DIR` later)')
    .option('--attempts <n>', 'with --queue: attempts per cell before it is reported failed', (v) => parseIntStrict(v, '--attempts'), 3)
    .option('--force', 'go on in a directory that holds another sweep config (changed cells are rerun; old files kept)')
    .option('--dry-run', 'print the number of model calls and estimated tokens and dollars per model; call no model')
    .option('--json', 'print a machine-readable result')
    .option('--quiet', 'no progress output')
    .action(async (file: string, opts: { out?: string; concurrency: number; queue?: string; detach?: boolean; attempts: number; force?: boolean; dryRun?: boolean; json?: boolean; quiet?: boolean }) =>
      // A config error anywhere in the sweep (a cell's overrides, its models) names the sweep file.
      inConfigFile(file, async () => {
        if (opts.concurrency < 1) throw new CliExit(EXIT.usage, '--concurrency must be at least 1');
        if (opts.attempts < 1) throw new CliExit(EXIT.usage, '--attempts must be at least 1');
        if (opts.out === undefined) throw new CliExit(EXIT.usage, "error: required option '--out <dir>' not specified");
        if (opts.detach && !opts.queue) throw new CliExit(EXIT.usage, '--detach needs --queue redis://host:port');
        if (opts.queue) (await import('../../experiments/queue/redis-connection.js')).redisOptions(opts.queue);
        const sweep = await loadSweep(resolve(io.cwd, file), { games });
        if (opts.dryRun) return dryRun(io, file, sweep, Boolean(opts.json));
        await prepareProviders([...new Set(sweep.conditions.flatMap((c) => modelSpecs(cellConfig(sweep, { condition: c.name, seed: sweep.seeds[0]! }))))]);
        const out = resolve(io.cwd, opts.out);
        let result: SweepResult;
        try {
          if (opts.queue) {
            const queued = await runOnQueue(io, sweep, out, { ...opts, queue: opts.queue });
            if (!queued) return;
            result = queued;
          } else {
            const progress = opts.quiet || opts.json ? undefined : sweepProgress(io);
            try {
              result = await runSweep({ sweep, out, concurrency: opts.concurrency, force: Boolean(opts.force), games, ...(progress ? { hooks: progress } : {}) });
            } finally {
              progress?.end();
            }
          }
        } catch (error) {
          if (error instanceof SweepChangedError) throw new CliExit(EXIT.usage, `error [${error.code}]: ${error.message}`);
          throw error;
        }
        printResult(io, result, out, Boolean(opts.json));
      }),
    );

  sweepCommand
    .command('status')
    .description('with a sweep submitted to a queue: cells by status on disk and jobs by state in Redis')
    .argument('<dir>', 'the sweep directory')
    .option('--queue <url>', 'the Redis URL (default: the one in DIR/queue.json)')
    .option('--json', 'print a machine-readable result')
    .action(async (dir: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ queue?: string; json?: boolean }>();
      const out = resolve(io.cwd, dir);
      const { readQueueFile, queueStatus } = await import('../../experiments/queue/queue-sweep.js');
      const { redisOptions } = await import('../../experiments/queue/redis-connection.js');
      const url = opts.queue ?? readQueueFile(out).url;
      const rows = collectResults(out);
      const cells = rows.reduce<Record<string, number>>((t, r) => ((t[r.status] = (t[r.status] ?? 0) + 1), t), {});
      const queue = await queueStatus(out, redisOptions(url));
      const done = rows.filter((r) => r.status !== 'pending').length;
      if (opts.json) {
        io.stdout(`${JSON.stringify({ dir: out, cells, jobs: queue.states, running: queue.progress, budget: queue.budget, failures: queue.failures })}\n`);
        return;
      }
      io.stdout(`${done}/${rows.length} cells recorded (${Object.entries(cells).map(([k, n]) => `${n} ${k}`).join(', ')})\n`);
      io.stdout(`jobs: ${Object.entries(queue.states).map(([k, n]) => `${n} ${k}`).join(', ')}\n`);
      io.stdout(`running cells so far: ${queue.progress.calls} calls, ${queue.progress.tokens} tokens, $${queue.progress.costUsd.toFixed(4)}; sweep budget counters: ${queue.budget.tokens} tokens, $${queue.budget.dollars.toFixed(4)}\n`);
      for (const [cell, error] of Object.entries(queue.failures)) io.stdout(`failed ${cell}: ${error}\n`);
    });

  sweepCommand
    .command('collect')
    .description('write results.csv, results.jsonl and comparison.json of a sweep directory from its cells (and, when reachable, the errors of jobs that failed)')
    .argument('<dir>', 'the sweep directory')
    .option('--queue <url>', 'the Redis URL to read failed jobs from (default: the one in DIR/queue.json, when there is one)')
    .option('--json', 'print a machine-readable result')
    .action(async (dir: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ queue?: string; json?: boolean }>();
      const out = resolve(io.cwd, dir);
      const manifest = readSweepManifest(out);
      if (!manifest) throw new CliExit(EXIT.usage, `error: ${out} is not a sweep directory (no sweep.json)`);
      const { collectQueueSweep, queueStatus, QUEUE_FILE, readQueueFile } = await import('../../experiments/queue/queue-sweep.js');
      let failures: Record<string, string> = {};
      const url = opts.queue ?? (existsSync(join(out, QUEUE_FILE)) ? readQueueFile(out).url : undefined);
      if (url) {
        const { redisOptions } = await import('../../experiments/queue/redis-connection.js');
        failures = (await queueStatus(out, redisOptions(url))).failures;
      }
      printResult(io, collectQueueSweep(out, manifest, failures), out, Boolean(opts.json));
    });
}

async function runOnQueue(io: CliIo, sweep: SweepManifest, out: string, opts: { queue: string; detach?: boolean; attempts: number; force?: boolean; json?: boolean; quiet?: boolean }): Promise<SweepResult | undefined> {
  const { submitSweep, waitForSweep } = await import('../../experiments/queue/queue-sweep.js');
  const { redisOptions } = await import('../../experiments/queue/redis-connection.js');
  const redis = redisOptions(opts.queue);
  const submitted = await submitSweep({ sweep, out, redis, url: opts.queue, force: Boolean(opts.force), attempts: opts.attempts });
  const said = `${sweep.cells.length} cells: ${submitted.added} submitted, ${submitted.queued} already queued, ${submitted.finished} already finished`;
  if (opts.detach) {
    if (opts.json) io.stdout(`${JSON.stringify({ status: 'submitted', dir: out, cells: sweep.cells.length, added: submitted.added, queued: submitted.queued, finished: submitted.finished })}\n`);
    else io.stdout(`${said}\nfollow with: polis sweep status ${out}\ncollect with: polis sweep collect ${out}\n`);
    return undefined;
  }
  if (!opts.json && !opts.quiet) io.stderr(`${said}; waiting for workers (polis worker --queue ${opts.queue})\n`);
  const progress = opts.quiet || opts.json ? undefined : queueProgress(io);
  try {
    return await waitForSweep({ sweep, out, redis, ...(progress ? { hooks: progress } : {}) });
  } finally {
    progress?.end();
  }
}

function printResult(io: CliIo, result: SweepResult, out: string, json: boolean): void {
  const statuses = result.rows.reduce<Record<string, number>>((t, r) => ((t[r.status] = (t[r.status] ?? 0) + 1), t), {});
  if (json) {
    io.stdout(`${JSON.stringify({ status: result.status, ...(result.reason ? { reason: result.reason } : {}), dir: out, cells: result.rows.length, statuses, counts: result.counts, usage: result.usage, comparison: result.comparison })}\n`);
  } else {
    io.stdout(`${result.status}${result.reason ? ` (${result.reason})` : ''}: ${result.rows.length} cells (${Object.entries(statuses).map(([s, n]) => `${n} ${s}`).join(', ')}); this run: ${result.counts.ran} ran, ${result.counts.resumed} resumed, ${result.counts.retried} retried, ${result.counts.replaced} replaced, ${result.counts.skipped} already done\n`);
    io.stdout(`${result.usage.calls} model calls, ${result.usage.inputTokens + result.usage.outputTokens} tokens, $${result.usage.costUsd.toFixed(4)}\n`);
    io.stdout(`results: ${resolve(out, RESULTS_CSV)}\n         ${resolve(out, RESULTS_JSONL)}\n         ${resolve(out, COMPARISON_FILE)}\n\n`);
    io.stdout(formatComparison(result.comparison));
  }
  if (result.status === 'stopped') throw new CliExit(EXIT.budget, '');
  if (result.status === 'failed') throw new CliExit(EXIT.failed, '');
}

async function dryRun(io: CliIo, file: string, sweep: SweepManifest, json: boolean): Promise<void> {
  const total = new Map<string, ModelEstimate>();
  let calls = 0;
  for (const cell of sweep.cells) {
    const estimate = await estimateRun({ config: cellConfig(sweep, cell), games });
    addEstimates(total, estimate.models);
    calls += estimate.calls;
  }
  const models = [...total.values()];
  if (json) io.stdout(`${JSON.stringify({ cells: sweep.cells.length, calls, models })}\n`);
  else printEstimate(io, `dry run of ${file}: ${sweep.cells.length} cells (${sweep.conditions.length} conditions x ${sweep.seeds.length} seeds), ${calls} model calls`, models, 'each cell\'s offline play: every prompt rendered, tokens = characters / 4, output tokens are the offline answers\'');
  const identities = models.map((m) => specIdentity(m.model));
  for (const c of sweep.conditions) {
    const config = cellConfig(sweep, { condition: c.name, seed: sweep.seeds[0]! });
    assertPricedBudget(config.budget?.dollars, config, identities);
    assertPricedBudget(sweep.budget?.dollars, config, identities);
  }
}
