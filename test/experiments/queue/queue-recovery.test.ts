// A worker killed with -9 in the middle of a cell: BullMQ's stalled-job check hands the job to another
// worker, which resumes the cell from its last checkpoint; the final trace equals an uninterrupted run's
// and the fake OpenAI server sees no call twice beyond the one in flight at the kill. And a Redis restart
// mid-sweep loses nothing recorded.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { randomInstance } from '../../../src/models/scripted/random-instance.js';
import { readResults } from '../../../src/experiments/sweep-files.js';
import { cli } from '../../helpers/cli.js';
import { startServer, type TestServer } from '../../models/servers/http-server.js';
import { completion } from '../../models/servers/openai-wire.js';
import { spawnWorker, startRedis, until, type TestRedis, type WorkerProcess } from './redis-helpers.js';

let redis: TestRedis;
let server: TestServer;
const workers: WorkerProcess[] = [];
const ROUNDS = 12;

// Answers are a function of the request alone, so the resumed run and the uninterrupted one see the same.
beforeAll(async () => {
  redis = await startRedis({ dir: mkdtempSync(join(tmpdir(), 'polis-redis-')), appendonly: true });
  server = await startServer((request) => {
    const body = request.body as { model?: string; response_format?: { json_schema?: { schema?: unknown } } };
    const seed = createHash('sha256').update(JSON.stringify(body)).digest().readUInt32BE(0);
    const schema = body.response_format?.json_schema?.schema;
    if (body.model === 'broken') return { status: 400, body: { error: { message: 'fake server: model broken is refused', type: 'invalid_request_error' } } };
    return { ...completion(schema ? JSON.stringify(randomInstance(schema, Rng.fromSeed(seed))) : 'OK'), delayMs: 120 };
  });
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop('SIGKILL')));
});
afterAll(async () => {
  await redis?.stop(true);
  await server?.close();
});

const env = () => ({ OPENAI_BASE_URL: `${server.url}/v1`, OPENAI_API_KEY: 'test-key' });
const chatCalls = () => server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');
// Trace lines without the header (run id) and wall-clock fields, as test/engine/replay-modes.test.ts compares them.
const timeless = (file: string) => lines(file).slice(1).map((l) => l.replace(/"wall":\d+/g, '"wall":0').replace(/"durationMs":[\d.e-]+/g, '"durationMs":0'));

function writeSweep(dir: string, seeds: number): string {
  const file = join(dir, 'sweep.yaml');
  writeFileSync(
    file,
    `base:\n  game: prisoners-dilemma\n  params: { rounds: ${ROUNDS} }\n  agents:\n    - { id: alice, policy: { model: default }, role: generic-agent }\n    - { id: bob, policy: { strategy: tit-for-tat } }\n  models: { default: "openai:gpt-4o-mini", concurrency: 1 }\nseeds: ${seeds}\n`,
  );
  return file;
}

describe('queue recovery', () => {
  it('kill -9 of a worker mid-cell: another worker resumes it from its checkpoint; same trace, no call repeated beyond the one in flight', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-queue-kill-'));
    const file = writeSweep(dir, 1);
    Object.assign(process.env, env());
    const reference = join(dir, 'reference');
    expect((await cli(['sweep', file, '--out', reference, '--quiet'])).code).toBe(0);
    const referenceCalls = chatCalls();
    expect(referenceCalls).toBe(ROUNDS);

    const out = join(dir, 'queued');
    const fast = ['--lock-duration', '1500', '--stalled-interval', '500', '--quiet'];
    const a = spawnWorker(redis.url, fast, env());
    workers.push(a);
    expect((await cli(['sweep', file, '--queue', redis.url, '--out', out, '--detach'])).code).toBe(0);
    const trace = join(out, 'base/seed-1/trace.jsonl');
    await until(() => existsSync(trace) && (readFileSync(trace, 'utf8').match(/"type":"checkpoint"/g)?.length ?? 0) >= 4, 60_000, 'four checkpoints');
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    const before = readFileSync(trace, 'utf8');
    expect(before).not.toContain('"type":"run-end"');

    const b = spawnWorker(redis.url, fast, env());
    workers.push(b);
    const waited = await cli(['sweep', file, '--queue', redis.url, '--out', out, '--json']);
    expect(waited.code).toBe(0);
    expect(JSON.parse(waited.stdout)).toMatchObject({ status: 'completed', counts: { resumed: 1 } });
    expect(timeless(trace)).toEqual(timeless(join(reference, 'base/seed-1/trace.jsonl')));
    // Every call recorded before the kill was served from the trace; at most the one in flight was asked again.
    const queuedCalls = chatCalls() - referenceCalls;
    expect(queuedCalls).toBeGreaterThanOrEqual(ROUNDS);
    expect(queuedCalls).toBeLessThanOrEqual(ROUNDS + 1);
  }, 120_000);

  it('a cell that fails after its attempts is reported with its error; the other cells finish', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-queue-fail-'));
    const file = writeSweep(dir, 2);
    writeFileSync(file, `${readFileSync(file, 'utf8')}conditions:\n  - { name: good, set: {} }\n  - { name: bad, set: { "models.default": "openai:broken" } }\n`);
    Object.assign(process.env, env());
    const out = join(dir, 'queued');
    workers.push(spawnWorker(redis.url, ['--quiet'], env()));
    const r = await cli(['sweep', file, '--queue', redis.url, '--out', out, '--attempts', '2', '--json']);
    expect(r.code).toBe(1);
    const rows = readResults(out)!;
    expect(rows.filter((x) => x.condition === 'good').map((x) => x.status)).toEqual(['completed', 'completed']);
    for (const bad of rows.filter((x) => x.condition === 'bad')) {
      expect(bad.status).toBe('failed');
      expect(bad.error).toContain('broken');
    }
    // Two attempts each: the second kept the first as an attempt file.
    expect(existsSync(join(out, 'bad/seed-1/trace.attempt-1.jsonl'))).toBe(true);
  }, 120_000);

  it('Redis restarted mid-sweep: the sweep completes and every recorded cell is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-queue-restart-'));
    const file = writeSweep(dir, 4);
    Object.assign(process.env, env());
    const out = join(dir, 'queued');
    const w = spawnWorker(redis.url, ['--concurrency', '2', '--quiet'], env());
    workers.push(w);
    const waiting = cli(['sweep', file, '--queue', redis.url, '--out', out, '--json']);
    const trace = join(out, 'base/seed-1/trace.jsonl');
    await until(() => existsSync(trace) && (readFileSync(trace, 'utf8').match(/"type":"checkpoint"/g)?.length ?? 0) >= 3, 60_000, 'a cell under way');
    await redis.stop(true);
    await new Promise((r) => setTimeout(r, 500));
    await redis.start();
    const result = await waiting;
    expect(result.code).toBe(0);
    const rows = readResults(out)!;
    expect(rows.map((r) => r.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    for (const r of rows) expect(lines(join(out, r.dir, 'trace.jsonl')).filter((l) => l.includes('"type":"run-end"'))).toHaveLength(1);
  }, 120_000);
});
