// kill -9 matrix: a run against a fake provider on loopback (one slow seat, so the other seats' answers wait
// in memory for their turn in the trace) is killed at several points and resumed. After resume the
// provider has been paid at most once for every answer it sent before the kill, and the resumed trace
// equals an uninterrupted run's (wall-clock fields and run ids aside), as the engine promises.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startFaultServer, type FaultServer } from './helpers/fault-server.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-kill-'));
const child = join(import.meta.dirname, 'helpers/cli-child.ts');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Public goods, 4 rounds, 4 seats; the first seat's model answers slowly. */
function writeConfig(dir: string, url: string): string {
  const file = join(dir, 'config.json');
  const config = {
    game: 'public-goods',
    params: { rounds: 4 },
    seed: 5,
    agents: [
      // Each seat has its own persona, so no two seats ask the provider the same question.
      { id: 'slow', persona: { name: 'Sol' }, policy: { model: `openai-compatible:slow@${url}` } },
      ...['Ada', 'Bea', 'Cy'].map((name, i) => ({ id: `fast-${i + 1}`, persona: { name }, policy: { model: `openai-compatible:fast@${url}` } })),
    ],
  };
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** Events without wall-clock fields and run ids, for comparing runs made at different times. */
function timeless(file: string, runId: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(1)
    .map((l) => l.split(runId).join('RUN').replace(/"wall":\d+/g, '"wall":0').replace(/"durationMs":[\d.e-]+/g, '"durationMs":0'));
}

const runIdOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!) as { runId: string }).runId;

interface KillPoint {
  name: string;
  /** True once the child should be killed. */
  reached(server: FaultServer, trace: string): boolean;
}

/** Fast seats of the slow seat's `round`-th call (0-based) have been answered while it is in flight. */
const behindSlowSeat = (round: number): KillPoint => ({
  name: `answers of round ${round} waiting behind the slow seat`,
  reached: (server) => {
    const slowIndex = server.requests.map((r, i) => (r.model === 'slow' ? i : -1)).filter((i) => i >= 0)[round];
    if (slowIndex === undefined || server.requests[slowIndex]!.answered) return false;
    return server.requests.slice(slowIndex).filter((r) => r.model === 'fast' && r.answered).length >= 3;
  },
});

const afterCheckpoint = (n: number): KillPoint => ({
  name: `just after checkpoint ${n}`,
  reached: (_server, trace) => existsSync(trace) && (readFileSync(trace, 'utf8').match(/"type":"checkpoint"/g)?.length ?? 0) >= n,
});

describe('kill -9 and resume against a provider with a slow seat', () => {
  const servers: FaultServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  let reference: { lines: string[]; calls: number } | undefined;
  async function referenceRun(): Promise<{ lines: string[]; calls: number }> {
    if (reference) return reference;
    const server = await startFaultServer({ slowModels: ['slow'], slowMs: 50 });
    servers.push(server);
    const dir = tmp();
    const { code } = await cli(['run', writeConfig(dir, server.url), '--out', join(dir, 'run'), '--quiet']);
    expect(code).toBe(0);
    const trace = join(dir, 'run', 'trace.jsonl');
    reference = { lines: timeless(trace, runIdOf(trace)), calls: server.requests.length };
    return reference;
  }

  it.each([behindSlowSeat(0), behindSlowSeat(2), afterCheckpoint(3)])('$name: no answered call is paid twice, the trace is the uninterrupted one', async (point) => {
    const expected = await referenceRun();
    const server = await startFaultServer({ slowModels: ['slow'], slowMs: 1500 });
    servers.push(server);
    const dir = tmp();
    const out = join(dir, 'run');
    const trace = join(out, 'trace.jsonl');
    const proc = spawn(process.execPath, ['--import', 'tsx', child, 'run', writeConfig(dir, server.url), '--out', out, '--quiet'], { stdio: 'ignore' });
    const exited = new Promise((r) => proc.once('exit', r));
    for (let i = 0; i < 4000 && !point.reached(server, trace); i++) await sleep(20);
    expect(point.reached(server, trace)).toBe(true);
    // Give the child time to receive what the server sent, then kill it without warning.
    await sleep(300);
    const killedAt = Date.now();
    proc.kill('SIGKILL');
    await exited;
    expect(readFileSync(trace, 'utf8')).not.toContain('"type":"run-end"');
    const paid = server.requests.filter((r) => r.answered && r.answeredAt! < killedAt - 250).map((r) => r.key);
    const inFlight = server.requests.length - paid.length;
    expect(paid.length).toBeGreaterThan(0);

    const resumed = await cli(['resume', out, '--json']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const repeated = paid.filter((key) => server.answersFor(key) > 1);
    expect(repeated).toEqual([]);
    expect(timeless(trace, runIdOf(trace))).toEqual(expected.lines);
    // Only the calls in flight at the kill were asked twice.
    expect(server.requests.length - expected.calls).toBeLessThanOrEqual(inFlight);
    expect(existsSync(join(out, 'trace.calls.jsonl'))).toBe(false);
  }, 150_000); // a child process under a loaded machine
});
