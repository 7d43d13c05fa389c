// Sweep benchmark (`npm run bench:sweeps`, writes bench/results/sweeps.json and sweeps.md):
//  1. 100 scripted cells (the offline quickstart: 10 rounds of the prisoner's dilemma, 10 model calls each)
//     as one `polis sweep` process against the same 100 cells as 100 `polis run` processes (cells/s);
//  2. how to run cells: in one process (runSweep's concurrency) or spread over worker threads, for
//     scripted cells (CPU-bound) and model-bound cells (40 ms per call, a remote API's shape).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { resolveSweep } from '../../src/experiments/resolve-sweep.js';
import { runSweep } from '../../src/experiments/run-sweep.js';
import type { SweepManifest } from '../../src/experiments/sweep-directory.js';
import { distStaleReason } from '../../scripts/dist-freshness.mjs';
import { benchBuilder, LATENCY_MS, type CellKind } from './bench-models.js';

const root = join(import.meta.dirname, '../..');
// bin/polis.js runs the compiled dist/: build it first when it is older than src/, so the process-per-run
// rows time current code.
if (distStaleReason(root)) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
const quickstart = join(root, 'examples/quickstart/prisoners-dilemma.yaml');
const CELLS = Number(process.env['BENCH_CELLS'] ?? 100);
/** `polis run` processes timed (each takes seconds; the cells/s of 100 is that of any share of them). */
const PROCESS_CELLS = Number(process.env['BENCH_PROCESS_CELLS'] ?? 20);
const tmp = () => mkdtempSync(join(os.tmpdir(), 'polis-bench-sweep-'));
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

async function grid(cells: number): Promise<SweepManifest> {
  const conditions = ['tit-for-tat', 'grudger', 'defector', 'cooperator'].map((s) => ({ name: s, set: { 'agents[1].policy.strategy': s } }));
  return resolveSweep({ base: quickstart, seeds: cells / conditions.length, conditions }, { baseDir: root });
}

async function inProcess(sweep: SweepManifest, kind: CellKind, concurrency: number): Promise<number> {
  const out = tmp();
  const t0 = process.hrtime.bigint();
  const result = await runSweep({ sweep, out, concurrency, modelBuilder: (shared) => benchBuilder(kind, shared) });
  const s = seconds(t0);
  if (result.status !== 'completed') throw new Error(`sweep ${result.status}`);
  rmSync(out, { recursive: true, force: true });
  return sweep.cells.length / s;
}

async function threads(sweep: SweepManifest, kind: CellKind, workers: number, concurrency: number): Promise<number> {
  const dir = tmp();
  // tsx's loader is registered inside each worker (as bin/polis.js does), then the TypeScript entry is imported.
  const entry = new URL('./cell-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  const pool = Array.from({ length: workers }, () => new Worker(boot, { eval: true, workerData: { manifest: sweep, dir, kind, concurrency } }));
  // Start-up (loading tsx and the SDK in each worker) is not timed: only running the cells is.
  await Promise.all(pool.map((w) => new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject)))));
  const t0 = process.hrtime.bigint();
  await Promise.all(
    pool.map((w, i) => {
      const done = new Promise<void>((resolve, reject) => {
        w.once('message', () => resolve());
        w.once('error', reject);
      });
      w.postMessage(sweep.cells.filter((_, j) => j % workers === i));
      return done;
    }),
  );
  const s = seconds(t0);
  await Promise.all(pool.map((w) => w.terminate()));
  rmSync(dir, { recursive: true, force: true });
  return sweep.cells.length / s;
}

/** The first `count` cells as `polis run` processes one after another (the rate per cell does not depend on how many). */
function processes(sweep: SweepManifest, count: number): number {
  const dir = tmp();
  const t0 = process.hrtime.bigint();
  const cells = sweep.cells.filter((_, i) => i % Math.max(1, Math.floor(sweep.cells.length / count)) === 0).slice(0, count);
  for (const cell of cells) {
    const condition = sweep.conditions.find((c) => c.name === cell.condition)!;
    const sets = Object.entries(condition.set).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
    execFileSync(process.execPath, [join(root, 'bin/polis.js'), 'run', quickstart, '--out', join(dir, cell.dir), '--seed', String(cell.seed), '--quiet', ...sets], { stdio: 'ignore' });
  }
  const s = seconds(t0);
  rmSync(dir, { recursive: true, force: true });
  return cells.length / s;
}

const round = (x: number) => Math.round(x * 10) / 10;
const load = os.loadavg()[0]!;
const sweep = await grid(CELLS);
validateConfig(sweep.base);
const figures: Record<string, number> = {};
// One process running the whole sweep as the CLI does (tsx start-up included), against 100 processes.
{
  const file = join(tmp(), 'sweep.json');
  writeFileSync(file, JSON.stringify({ base: quickstart, seeds: CELLS / 4, conditions: sweep.conditions }));
  const out = tmp();
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, [join(root, 'bin/polis.js'), 'sweep', file, '--out', out, '--quiet'], { stdio: 'ignore' });
  figures['cli-sweep-cells-per-s'] = CELLS / seconds(t0);
  rmSync(out, { recursive: true, force: true });
}
figures['cli-run-processes-cells-per-s'] = processes(sweep, PROCESS_CELLS);
figures['scripted-in-process-c1'] = await inProcess(sweep, 'scripted', 1);
figures['scripted-in-process-c4'] = await inProcess(sweep, 'scripted', 4);
figures['scripted-threads-2x1'] = await threads(sweep, 'scripted', 2, 1);
figures['scripted-threads-2x2'] = await threads(sweep, 'scripted', 2, 2);
const latencySweep = await grid(40);
figures['latency-in-process-c1'] = await inProcess(latencySweep, 'latency', 1);
figures['latency-in-process-c8'] = await inProcess(latencySweep, 'latency', 8);
figures['latency-in-process-c20'] = await inProcess(latencySweep, 'latency', 20);
figures['latency-threads-2x4'] = await threads(latencySweep, 'latency', 2, 4);
figures['latency-threads-2x10'] = await threads(latencySweep, 'latency', 2, 10);
const loadAfter = os.loadavg()[0]!;

const machine = `${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, ${round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}`;
const f = (k: string) => figures[k]!.toPrecision(3);
writeFileSync(join(root, 'bench/results/sweeps.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, load: { start: load, end: loadAfter }, cells: CELLS, latencyMs: LATENCY_MS, cellsPerSecond: figures }, null, 2)}\n`);
writeFileSync(
  join(root, 'bench/results/sweeps.md'),
  `# Sweeps benchmark

\`npm run bench:sweeps\`. Cells: the offline quickstart (prisoner's dilemma, 10 rounds, 10 calls of the scripted model per cell), four opponents x ${CELLS / 4} seeds.

Machine: ${machine}. 1-minute load average ${round(load)} at the start and ${round(loadAfter)} at the end on ${os.cpus().length} cores (a load near or above the core count means other work shared the machine: treat timings as upper bounds).

## ${CELLS} scripted cells: one sweep against ${CELLS} runs

| how | cells/s |
|---|---|
| \`polis sweep\` (one process, concurrency 4, start-up included) | ${f('cli-sweep-cells-per-s')} |
| \`polis run\` processes, one after another (${PROCESS_CELLS} of the ${CELLS} cells timed, spread over the grid) | ${f('cli-run-processes-cells-per-s')} |

## In one process or in worker threads

| cells | how | cells/s |
|---|---|---|
| ${CELLS} scripted | in process, concurrency 1 | ${f('scripted-in-process-c1')} |
| ${CELLS} scripted | in process, concurrency 4 | ${f('scripted-in-process-c4')} |
| ${CELLS} scripted | 2 worker threads, 1 cell each at a time | ${f('scripted-threads-2x1')} |
| ${CELLS} scripted | 2 worker threads, 2 cells each | ${f('scripted-threads-2x2')} |
| 40 model-bound (${LATENCY_MS} ms per call) | in process, concurrency 1 | ${f('latency-in-process-c1')} |
| 40 model-bound | in process, concurrency 8 | ${f('latency-in-process-c8')} |
| 40 model-bound | in process, concurrency 20 | ${f('latency-in-process-c20')} |
| 40 model-bound | 2 worker threads, 4 cells each | ${f('latency-threads-2x4')} |
| 40 model-bound | 2 worker threads, 10 cells each | ${f('latency-threads-2x10')} |

Worker threads here run \`runCell\` with a SharedModels of their own: they cannot share one cache, one
pacing state or one sweep budget, which \`runSweep\` needs; see the README of src/experiments for the choice.
`,
);
console.log(JSON.stringify(figures, null, 1));
