// Each fault a real provider shows, injected by the fake provider on loopback into one call: the retry
// layer rides it out, the run completes with the same actions as a run without faults, and the call's
// attempts list every failed try.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTrace } from '../../src/traces/trace-reader.js';
import type { TraceEvent } from '../../src/traces/event.js';
import { cli } from '../helpers/cli.js';
import { startFaultServer, type ChatBody, type Fault, type FaultServer } from './helpers/fault-server.js';

async function run(server: FaultServer): Promise<{ code: number; events: TraceEvent[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'polis-faults-'));
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ game: 'public-goods', params: { rounds: 3 }, seed: 9, agents: ['Ada', 'Bea', 'Cy', 'Dee'].map((name) => ({ id: name.toLowerCase(), persona: { name }, policy: { model: `openai-compatible:m@${server.url}` } })) }));
  const { code } = await cli(['run', config, '--out', join(dir, 'run'), '--quiet']);
  return { code, events: (await readTrace(join(dir, 'run', 'trace.jsonl'))).events };
}

const actions = (events: TraceEvent[]) => events.filter((e) => e.type === 'action').map((e) => [e.agent, (e as { action: unknown }).action]);

/** `fault` for the first `times` tries of Bea's round-2 call. */
function onBea(fault: Fault, times: number): (index: number, body: ChatBody) => Fault | undefined {
  let left = times;
  return (_i, body) => (left > 0 && JSON.stringify(body.messages).includes('You are Bea') && JSON.stringify(body.messages).includes('Round 2 of') ? (left--, fault) : undefined);
}

describe('provider faults are ridden out by the retry layer', () => {
  const servers: FaultServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it.each<[string, Fault, number]>([
    ['a 429 storm with retry-after-ms', { kind: 'status', status: 429, headers: { 'retry-after-ms': '20' } }, 3],
    ['5xx', { kind: 'status', status: 502 }, 2],
    ['connection resets', { kind: 'reset' }, 2],
    ['a 200 with an unreadable body', { kind: 'unreadable', body: '<html>gateway</html>' }, 1],
  ])('%s', async (_name, fault, times) => {
    const clean = await startFaultServer();
    const faulty = await startFaultServer({ faults: onBea(fault, times) });
    servers.push(clean, faulty);
    const reference = await run(clean);
    const result = await run(faulty);
    expect(result.code).toBe(0);
    expect(actions(result.events)).toEqual(actions(reference.events));
    const call = result.events.find((e) => e.type === 'model-call' && e.agent === 'bea' && e.attempts.length > 1);
    expect(call).toBeDefined();
    const attempts = (call as { attempts: Array<{ ok: boolean }> }).attempts;
    expect(attempts.map((a) => a.ok)).toEqual([...Array(times).fill(false), true]);
  }, 90_000);
});
