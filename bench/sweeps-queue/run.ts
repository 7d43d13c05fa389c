// Shared provider rate limit across queue workers (`npx tsx bench/sweeps-queue/run.ts`, writes
// bench/results/sweeps-queue.json and .md): 4 workers, each with its own Redis connection and pacing
// state over one RedisRateWindow key (what 4 `polis worker` processes share), call a model with 30 ms
// latency as fast as pacing lets them for DURATION seconds under one requests-per-minute limit. Reports
// the fraction of the limit used (target >= 0.9) and the most requests any sliding window held (must not
// pass the cap), by the admissions' Redis server times.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { RedisRateWindow } from '../../src/experiments/queue/redis-rate-window.js';
import { PacingRegistry, withPacing } from '../../src/models/wrappers/with-pacing.js';
import { createModel } from '../../src/models/create-model.js';
import { freePort } from '../../test/experiments/queue/redis-helpers.js';

const WORKERS = 4;
const RPM = Number(process.env['BENCH_RPM'] ?? 1200);
const DURATION_S = Number(process.env['BENCH_SECONDS'] ?? 10);
const WINDOW_MS = 1000;

const port = await freePort();
const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 300));
const admissions: number[] = [];
const end = performance.now() + DURATION_S * 1000;
const clients: Redis[] = [];
await Promise.all(
  Array.from({ length: WORKERS }, async () => {
    const redis = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: null });
    clients.push(redis);
    const window = new RedisRateWindow(redis, 'bench:model', { requestsPerMinute: RPM, windowMs: WINDOW_MS });
    const timed = { ...window, admit: async (tokens: number, signal?: AbortSignal) => { const a = await window.admit(tokens, signal); admissions.push(a.at); return a; }, correctTokens: window.correctTokens.bind(window), release: window.release.bind(window) };
    // Each worker its own registry: the only thing shared between them is Redis.
    const model = withPacing(createModel('scripted:random', { seed: 1 }), { requestsPerMinute: RPM, concurrency: 8, window: timed, registry: new PacingRegistry() });
    const lanes = Array.from({ length: 8 }, async () => {
      while (performance.now() < end) {
        await model.generate({ messages: [{ role: 'user', content: 'Option A or Option B' }] });
        await new Promise((r) => setTimeout(r, 30));
      }
    });
    await Promise.all(lanes);
  }),
);
clients.forEach((c) => c.disconnect());
server.kill();

admissions.sort((a, b) => a - b);
const span = (admissions.at(-1)! - admissions[0]!) / 1000;
const cap = Math.max(1, Math.floor((RPM * (WINDOW_MS + WINDOW_MS / 40)) / 60_000));
let most = 0;
for (let i = 0, j = 0; i < admissions.length; i++) {
  while (admissions[i]! - admissions[j]! >= WINDOW_MS + WINDOW_MS / 40) j++;
  most = Math.max(most, i - j + 1);
}
const used = admissions.length / span / (RPM / 60);
const result = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} cores (${os.cpus()[0]?.model}), Node ${process.version}; shared with other agents' builds and tests (loaded)`,
  workers: WORKERS,
  requestsPerMinute: RPM,
  seconds: Number(span.toFixed(2)),
  requests: admissions.length,
  fractionOfLimitUsed: Number(used.toFixed(3)),
  mostInAnyWindow: most,
  windowCap: cap,
};
console.log(result);
const dir = join(import.meta.dirname, '../results');
writeFileSync(join(dir, 'sweeps-queue.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(dir, 'sweeps-queue.md'),
  `# sweeps-queue: one provider rate limit shared by ${WORKERS} queue workers through Redis\n\n${result.date}; ${result.machine}.\n\n` +
    `\`npx tsx bench/sweeps-queue/run.ts\` (BENCH_RPM, BENCH_SECONDS): ${WORKERS} workers (own Redis connection and pacing state each, 8 calls in flight each, 30 ms per call) against one limit of ${RPM} requests/minute, enforced over every sliding ${WINDOW_MS} ms window (+${WINDOW_MS / 40} ms margin, cap ${cap} requests).\n\n` +
    `| requests | seconds | fraction of the limit used | most in any window | window cap |\n|---|---|---|---|---|\n| ${result.requests} | ${result.seconds} | ${result.fractionOfLimitUsed} | ${most} | ${cap} |\n\n` +
    `The fraction is requests / seconds / limit, seconds from the first admission to the last (the first window's burst counts, so it can read just over 1). Target: fraction >= 0.9 and never over the cap. Throughput of cells on 1, 2 and 4 workers: bench/results/sweeps-queue-throughput.md (200 cells, not 1,000).\n`,
);
