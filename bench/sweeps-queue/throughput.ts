// Queue throughput (`npx tsx bench/sweeps-queue/throughput.ts`, BENCH_CELLS, default 200; writes
// bench/results/sweeps-queue-throughput.json and .md): scripted cells (the offline quickstart, 10 model
// calls each) through 1, 2 and 4 `polis worker` processes (tsx on src, started and ready before the
// clock starts) against the same cells in one in-process local sweep, cells/s, in one run side by side.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/command.js';
import { startRedis } from '../../test/experiments/queue/redis-helpers.js';

const root = join(import.meta.dirname, '../..');
const CELLS = Number(process.env['BENCH_CELLS'] ?? 200);
const quickstart = join(root, 'examples/quickstart/prisoners-dilemma.yaml');
const io: CliIo = { stdout: () => {}, stderr: () => {}, isTty: false, env: { CI: '1' }, cwd: root };
const dir = mkdtempSync(join(os.tmpdir(), 'polis-bench-queue-'));
const file = join(dir, 'sweep.yaml');
writeFileSync(file, `base: ${JSON.stringify(quickstart)}\nseeds: ${CELLS / 2}\nconditions:\n  - { name: tft, set: { "agents[1].policy.strategy": tit-for-tat } }\n  - { name: defector, set: { "agents[1].policy.strategy": defector } }\n`);

async function timed(args: string[]): Promise<number> {
  const t0 = performance.now();
  const code = await runCli(args, io);
  if (code !== 0) throw new Error(`polis ${args.join(' ')} exited ${code}`);
  return CELLS / ((performance.now() - t0) / 1000);
}

const rows: Array<{ how: string; cellsPerSecond: number }> = [];
rows.push({ how: 'local sweep, one process (--concurrency 4)', cellsPerSecond: await timed(['sweep', file, '--out', join(dir, 'local'), '--quiet']) });
const redis = await startRedis();
for (const n of [1, 2, 4]) {
  const workers: ChildProcess[] = [];
  await Promise.all(
    Array.from({ length: n }, () =>
      new Promise<void>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/fixtures/cli/polis.ts'), 'worker', '--queue', redis.url, '--concurrency', '4', '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
        workers.push(child);
        child.stderr!.on('data', (d: Buffer) => d.toString().includes('waiting for cells') && resolve());
      }),
    ),
  );
  rows.push({ how: `queue, ${n} worker process${n > 1 ? 'es' : ''} (--concurrency 4 each)`, cellsPerSecond: await timed(['sweep', file, '--queue', redis.url, '--out', join(dir, `queue-${n}`), '--quiet']) });
  await Promise.all(workers.map((w) => new Promise((r) => (w.once('exit', r), w.kill('SIGKILL')))));
}
await redis.stop(true);

const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model}), Node ${process.version}; shared with other agents' builds and tests (loaded)`;
const date = new Date().toISOString();
console.table(rows);
const out = join(root, 'bench/results');
writeFileSync(join(out, 'sweeps-queue-throughput.json'), `${JSON.stringify({ date, machine, cells: CELLS, rows }, null, 2)}\n`);
writeFileSync(
  join(out, 'sweeps-queue-throughput.md'),
  `# sweeps-queue throughput: ${CELLS} scripted cells, local sweep vs queue workers\n\n${date}; ${machine}.\n\n` +
    `\`npx tsx bench/sweeps-queue/throughput.ts\` (BENCH_CELLS). Scripted cells are CPU-bound: on 2 shared cores more worker processes cannot add CPU, so this measures the queue's overhead, not its scaling; model-bound cells scale with workers up to the shared rate limit (bench/results/sweeps-queue.md). The local row is measured first in the bench process and pays its cold start (module loading, JIT), which the workers paid before the clock started: compare the queue rows with each other, and read the local row as a lower bound on its speed.\n\n` +
    `| how | cells/s |\n|---|---|\n${rows.map((r) => `| ${r.how} | ${r.cellsPerSecond.toFixed(1)} |`).join('\n')}\n`,
);
process.exit(0);
