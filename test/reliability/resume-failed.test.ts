// A run that failed (a provider fault outlasting the retries) or stopped at a budget continues with
// `polis resume` from its last checkpoint: every call answered before the failure is served from the
// trace (the provider is never paid twice for it) and the finished trace equals an uninterrupted run's.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTrace } from '../../src/traces/trace-reader.js';
import { cli } from '../helpers/cli.js';
import { startFaultServer, type ChatBody, type Fault, type FaultServer } from './helpers/fault-server.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-resume-'));

function writeConfig(dir: string, url: string, extra: Record<string, unknown> = {}): string {
  const file = join(dir, 'config.json');
  const config = {
    game: 'public-goods',
    params: { rounds: 4 },
    seed: 7,
    // Sol's model is `slow` (the fault server can make it answer late); the answers do not depend on it.
    agents: ['Sol', 'Ada', 'Bea', 'Cy'].map((name) => ({ id: name.toLowerCase(), persona: { name }, policy: { model: `openai-compatible:${name === 'Sol' ? 'slow' : 'm'}@${url}` } })),
    ...extra,
  };
  writeFileSync(file, JSON.stringify(config));
  return file;
}

function timeless(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const runId = (JSON.parse(lines[0]!) as { runId: string }).runId;
  return lines.slice(1).map((l) => l.split(runId).join('RUN').replace(/"wall":\d+/g, '"wall":0').replace(/"durationMs":[\d.e-]+/g, '"durationMs":0'));
}

/** Bea's call in round 3 gets `fault` `times` times in a row (then the provider recovers). */
function faultOnBeaRound3(fault: Fault, times: number): (index: number, body: ChatBody) => Fault | undefined {
  let left = times;
  return (_index, body) => {
    const text = JSON.stringify(body.messages);
    if (left > 0 && text.includes('You are Bea') && text.includes('Round 3 of')) {
      left--;
      return fault;
    }
    return undefined;
  };
}

describe('resume continues failed and budget-stopped runs', () => {
  const servers: FaultServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });
  const serve = async (...args: Parameters<typeof startFaultServer>) => {
    const server = await startFaultServer(...args);
    servers.push(server);
    return server;
  };

  let reference: string[] | undefined;
  async function referenceTrace(): Promise<string[]> {
    if (reference) return reference;
    const server = await serve();
    const dir = tmp();
    expect((await cli(['run', writeConfig(dir, server.url), '--out', join(dir, 'run'), '--quiet'])).code).toBe(0);
    return (reference = timeless(join(dir, 'run', 'trace.jsonl')));
  }

  /** No question answered before the resume was answered again; returns how many were. */
  function expectNoRepeatedPaidCall(server: FaultServer, answeredBefore: string[]): void {
    expect(answeredBefore.filter((key) => server.answersFor(key) > 1)).toEqual([]);
  }

  it.each<[string, Fault]>([
    ['four 503s', { kind: 'status', status: 503 }],
    ['four 200s with a malformed JSON body', { kind: 'unreadable', body: '{"choices": [ oops' }],
    ['four 200s with an empty body', { kind: 'unreadable', body: '' }],
  ])('after %s (retries exhausted) without repeating recorded calls', async (_name, fault) => {
    const expected = await referenceTrace();
    const server = await serve({ faults: faultOnBeaRound3(fault, 4) });
    const dir = tmp();
    const out = join(dir, 'run');
    const failed = await cli(['run', writeConfig(dir, server.url), '--out', out, '--quiet']);
    expect(failed.code).toBe(1);
    const trace = join(out, 'trace.jsonl');
    const { events } = await readTrace(trace);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'failed' });
    const answered = server.requests.filter((r) => r.answered).map((r) => r.key);

    const resumed = await cli(['resume', out, '--json']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'completed' });
    expectNoRepeatedPaidCall(server, answered);
    expect(timeless(trace)).toEqual(expected);
  }, 90_000);

  it('writes an answer that arrives after another seat failed for good, so resume does not pay for it again', async () => {
    const expected = await referenceTrace();
    // Bea's call is refused at once (400, not retried) while Sol's answer is still 800 ms away.
    const server = await serve({ slowModels: ['slow'], slowMs: 800, faults: faultOnBeaRound3({ kind: 'status', status: 400 }, 1) });
    const dir = tmp();
    const out = join(dir, 'run');
    expect((await cli(['run', writeConfig(dir, server.url), '--out', out, '--quiet'])).code).toBe(1);
    const answered = server.requests.filter((r) => r.answered).map((r) => r.key);
    expect(answered.length).toBe(11); // rounds 1 and 2, and Sol, Ada and Cy in round 3
    expect((await cli(['resume', out])).code).toBe(0);
    expectNoRepeatedPaidCall(server, answered);
    expect(timeless(join(out, 'trace.jsonl'))).toEqual(expected);
  }, 90_000);

  it('retries a single 200 with an unreadable body like a 5xx, and the run completes', async () => {
    const expected = await referenceTrace();
    const server = await serve({ faults: faultOnBeaRound3({ kind: 'unreadable', body: '{"id": "chatcmpl-1", "choices": [' }, 1) });
    const dir = tmp();
    const result = await cli(['run', writeConfig(dir, server.url), '--out', join(dir, 'run'), '--quiet', '--json']);
    expect(result.code).toBe(0);
    const { events } = await readTrace(join(dir, 'run', 'trace.jsonl'));
    const retried = events.find((e) => e.type === 'model-call' && e.attempts.length === 2);
    expect(retried).toMatchObject({ agent: 'bea', attempts: [{ ok: false }, { ok: true }] });
    expect(timeless(join(dir, 'run', 'trace.jsonl')).length).toBe(expected.length);
  }, 90_000);

  it('after a budget stop, with the budget raised by --set', async () => {
    const expected = await referenceTrace();
    const server = await serve();
    const dir = tmp();
    const out = join(dir, 'run');
    const stopped = await cli(['run', writeConfig(dir, server.url, { budget: { turns: 2 } }), '--out', out, '--quiet', '--json']);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ status: 'stopped' });
    const answered = server.requests.filter((r) => r.answered).map((r) => r.key);
    expect(answered.length).toBe(8);

    const resumed = await cli(['resume', out, '--set', 'budget.turns=10', '--json']);
    expect(resumed.stderr).toBe('');
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'completed', rounds: 4 });
    expectNoRepeatedPaidCall(server, answered);
    expect(server.requests.length).toBe(16);
    const trace = join(out, 'trace.jsonl');
    expect(timeless(trace)).toEqual(expected);
    // The header records the config the run finished with.
    expect((await readTrace(trace)).header.config).toMatchObject({ budget: { turns: 10 } });
  });

  it('refuses a completed run and names fork as the way to go on', async () => {
    const server = await serve();
    const dir = tmp();
    const out = join(dir, 'run');
    expect((await cli(['run', writeConfig(dir, server.url), '--out', out, '--quiet'])).code).toBe(0);
    const again = await cli(['resume', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already completed.*polis fork/);
  });
});
