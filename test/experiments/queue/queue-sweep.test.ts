// Sweeps through BullMQ on a real redis-server with `polis worker` processes: the same results as a local
// sweep, and each cell run once however often the sweep is submitted.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { RedisRateWindow } from '../../../src/experiments/queue/redis-rate-window.js';
import { readComparison, readResults } from '../../../src/experiments/sweep-files.js';
import { cli } from '../../helpers/cli.js';
import { spawnWorker, startRedis, until, type TestRedis, type WorkerProcess } from './redis-helpers.js';

const quickstart = join(import.meta.dirname, '../../../examples/quickstart/prisoners-dilemma.yaml');
let redis: TestRedis;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  await redis?.stop(true);
});

const withoutWall = (rows: ReturnType<typeof readResults>) => rows!.map(({ wallMs: _wall, ...r }) => r);

describe('polis sweep --queue', () => {
  it('2 conditions x 10 seeds through 3 worker processes: the local sweep\'s results, each cell run once over four submissions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-queue-'));
    const file = join(dir, 'sweep.yaml');
    writeFileSync(file, `base: ${JSON.stringify(quickstart)}\nseeds: 10\nconditions:\n  - { name: tft, set: { "agents[1].policy.strategy": tit-for-tat } }\n  - { name: defector, set: { "agents[1].policy.strategy": defector } }\n`);
    const local = join(dir, 'local');
    expect((await cli(['sweep', file, '--out', local, '--quiet'])).code).toBe(0);

    const out = join(dir, 'queued');
    // Submitted twice before any worker runs: the second adds nothing.
    const first = await cli(['sweep', file, '--queue', redis.url, '--out', out, '--detach', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'submitted', cells: 20, added: 20, queued: 0, finished: 0 });
    const second = await cli(['sweep', file, '--queue', redis.url, '--out', out, '--detach', '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ added: 0, queued: 20 });

    workers.push(spawnWorker(redis.url), spawnWorker(redis.url), spawnWorker(redis.url));
    const waited = await cli(['sweep', file, '--queue', redis.url, '--out', out]);
    expect(waited.code).toBe(0);
    expect(waited.stdout).toMatch(/^completed: 20 cells \(20 completed\)/);
    // The submitter's status lines: one per cell with the sweep totals.
    expect(waited.stderr.split('\n').filter((l) => /^\w+\/seed-\d+: completed \| cells \d+\/20 \| running \d+ \| ETA \S+ \| calls \d+ \| tokens \d+ \| \$0\.0000$/.test(l)).length).toBeGreaterThan(0);

    expect(withoutWall(readResults(out))).toEqual(withoutWall(readResults(local)));
    expect(readComparison(out)).toEqual(readComparison(local));

    // A fourth submission finds every cell finished.
    const again = await cli(['sweep', file, '--queue', redis.url, '--out', out, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'completed', counts: { skipped: 20, ran: 0 } });

    // Each cell ran exactly once, counted from the workers' lines (they print one per finished job).
    await until(() => workers.map((w) => w.output()).join('').split('\n').filter((l) => l.includes(': completed (')).length >= 20, 10_000, 'worker lines');
    const lines = workers.flatMap((w) => w.output().split('\n')).filter((l) => l.includes(': completed ('));
    expect(lines).toHaveLength(20);
    expect(lines.every((l) => l.endsWith('completed (ran)'))).toBe(true);
    expect(new Set(lines.map((l) => l.split(':')[0])).size).toBe(20);
    // More than one worker took cells.
    expect(workers.filter((w) => w.output().includes('completed (ran)')).length).toBeGreaterThan(1);
    expect(readdirSync(join(out, 'tft/seed-1')).filter((f) => f.includes('attempt'))).toEqual([]);

    const status = await cli(['sweep', 'status', out, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ cells: { completed: 20 }, jobs: { completed: 20 } });
    const collected = await cli(['sweep', 'collect', out, '--json']);
    expect(collected.code).toBe(0);
    expect(JSON.parse(collected.stdout)).toMatchObject({ status: 'completed', cells: 20 });
    expect(withoutWall(readResults(out))).toEqual(withoutWall(readResults(local)));
  }, 180_000);

  it('enforces the sweep token budget across the workers with the Redis counter (exit 3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-queue-budget-'));
    const file = join(dir, 'sweep.yaml');
    writeFileSync(file, `base: ${JSON.stringify(quickstart)}\nseeds: 8\nbudget: { tokens: 1500 }\n`);
    const r = await cli(['sweep', file, '--queue', redis.url, '--out', join(dir, 'out'), '--quiet']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^stopped \(sweep tokens budget exceeded/);
    const rows = readResults(join(dir, 'out'))!;
    // A local sweep under this budget finishes one cell's worth (~2,800 tokens a cell); the workers
    // together started no call once the shared counter passed 1,500: far fewer tokens than 8 cells'.
    const tokens = rows.reduce((t, x) => t + x.inputTokens + x.outputTokens, 0);
    expect(tokens).toBeLessThan(8 * 2000);
    expect(rows.some((x) => x.status === 'stopped' && x.error?.startsWith('sweep tokens budget'))).toBe(true);
  }, 120_000);

  it('refuses a bad queue URL with a usage error', async () => {
    const r = await cli(['sweep', quickstart, '--queue', 'http://localhost:6379', '--out', join(tmpdir(), 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--queue');
  });

  it('one rate window in Redis keeps two clients together under one limit, and near it', async () => {
    const port = Number(new URL(redis.url).port);
    const clients = [new Redis({ port, host: '127.0.0.1' }), new Redis({ port, host: '127.0.0.1' })];
    const at: number[] = [];
    const end = Date.now() + 2500;
    await Promise.all(
      clients.flatMap((c) => {
        const window = new RedisRateWindow(c, 'test:model', { requestsPerMinute: 600 });
        return [1, 2, 3].map(async () => {
          while (Date.now() < end) at.push((await window.admit(1)).at);
        });
      }),
    );
    clients.forEach((c) => c.disconnect());
    at.sort((a, b) => a - b);
    // 600/min over a 1,025 ms window: at most 10 admissions in any window.
    let most = 0;
    for (let i = 0, j = 0; i < at.length; i++) {
      while (at[i]! - at[j]! >= 1025) j++;
      most = Math.max(most, i - j + 1);
    }
    expect(most).toBeLessThanOrEqual(10);
    expect(at.length).toBeGreaterThanOrEqual(20);
  }, 30_000);

  it('a Redis restart that lost every job (no persistence): the waiting submitter adds them again and the sweep completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-queue-lost-'));
    const file = join(dir, 'sweep.yaml');
    writeFileSync(file, `base: ${JSON.stringify(quickstart)}\nseeds: 3\n`);
    const out = join(dir, 'out');
    await Promise.all(workers.splice(0).map((w) => w.stop('SIGKILL')));
    // The submitter is waiting (no worker yet) when Redis restarts empty.
    const waiting = cli(['sweep', file, '--queue', redis.url, '--out', out, '--json']);
    await until(() => existsSync(join(out, 'queue.json')), 30_000, 'the submission');
    await new Promise((r) => setTimeout(r, 1000));
    await redis.stop(true);
    await redis.start();
    workers.push(spawnWorker(redis.url));
    const waited = await waiting;
    expect(waited.code).toBe(0);
    expect(JSON.parse(waited.stdout)).toMatchObject({ status: 'completed', cells: 3 });
    expect(readResults(out)!.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
  }, 120_000);
});
