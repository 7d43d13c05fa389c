import type { Command } from 'commander';
import { EXIT, CliExit, type CliIo } from '../command.js';
import { parseIntStrict } from './run.js';

export function register(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description('run sweep cells from a BullMQ queue in Redis (submitted by `polis sweep --queue`) until stopped; the sweep directories must be on storage this machine reaches at the same path')
    .requiredOption('--queue <url>', 'the Redis URL (redis://host:port)')
    .option('--concurrency <n>', 'cells run at once by this worker', (v) => parseIntStrict(v, '--concurrency'), 1)
    .option('--lock-duration <ms>', "how long a job's lock lasts between renewals; a dead worker's cell is taken back after it (BullMQ's lockDuration)", (v) => parseIntStrict(v, '--lock-duration'))
    .option('--stalled-interval <ms>', "how often to look for cells whose worker died (BullMQ's stalledInterval)", (v) => parseIntStrict(v, '--stalled-interval'))
    .option('--quiet', 'no line per finished cell')
    .action(async (opts: { queue: string; concurrency: number; lockDuration?: number; stalledInterval?: number; quiet?: boolean }) => {
      if (opts.concurrency < 1) throw new CliExit(EXIT.usage, '--concurrency must be at least 1');
      const { startWorker } = await import('../../experiments/queue/worker.js');
      const { redisOptions } = await import('../../experiments/queue/redis-connection.js');
      const worker = await startWorker({
        redis: redisOptions(opts.queue),
        concurrency: opts.concurrency,
        ...(opts.lockDuration ? { lockDuration: opts.lockDuration } : {}),
        ...(opts.stalledInterval ? { stalledInterval: opts.stalledInterval } : {}),
        ...(opts.quiet ? {} : { onJobEnd: ({ data, result, error }) => io.stderr(`${data.dir}/${data.cell.dir}: ${error ? `failed - ${error}` : `${result?.status} (${result?.action})`}\n`) }),
      });
      io.stderr(`polis worker: waiting for cells on ${opts.queue} (concurrency ${opts.concurrency}); Ctrl-C stops after the running cells end\n`);
      // The first SIGINT/SIGTERM lets running cells finish; a second exits at once (their jobs stall and
      // another worker resumes them from their checkpoints).
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (): void => {
          if (stopping) process.exit(130);
          stopping = true;
          void worker.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
