import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { forkTrace, rerunTrace, resumeRun } from '../../src/engine/replay-modes.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { diffTraces } from '../../src/traces/trace-diff.js';
import { games, runSlow, slowBuilder } from '../fixtures/runs/slow-experiment.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-replay-'));
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
/** The trace's events with its wall-clock fields (`wall`, `attempts[].durationMs`) blanked. */
const timeless = (file: string) => lines(file).slice(1).map((l) => l.replace(/"wall":\d+/g, '"wall":0').replace(/"durationMs":[\d.e-]+/g, '"durationMs":0'));

describe('rerun', () => {
  it('makes zero model calls and reproduces the trace', async () => {
    const dir = tmp();
    const counter = { calls: 0 };
    const original = await runSlow(join(dir, 'a'), counter);
    expect(original.status).toBe('completed');
    expect(counter.calls).toBe(24);
    const again = { calls: 0 };
    const { run, diff } = await rerunTrace(original.traceFile, { out: join(dir, 'b'), games, buildModel: slowBuilder(again), clock: fixedClock(0, 1) });
    expect(again.calls).toBe(0);
    expect(run.modelCalls).toBe(0);
    expect(run.replayed).toBe(24);
    expect(diff.identical).toBe(true);
    expect(lines(run.traceFile).slice(1)).toEqual(lines(original.traceFile).slice(1));
  });

  it('names the first differing call when the recording does not match', async () => {
    const dir = tmp();
    const original = await runSlow(join(dir, 'a'), { calls: 0 });
    // Change the recorded config so the rerun's prompts differ from the recorded ones: the rerun must
    // refuse rather than serve answers to questions that were never asked.
    const text = readFileSync(original.traceFile, 'utf8').replace('"params":{"rounds":12}', '"params":{"rounds":13}');
    expect(text).toContain('"rounds":13');
    const tampered = join(dir, 'tampered.jsonl');
    (await import('node:fs')).writeFileSync(tampered, text);
    const { run, diff } = await rerunTrace(tampered, { out: join(dir, 'b'), games, buildModel: slowBuilder({ calls: 0 }) });
    expect(run.status).toBe('failed');
    expect(run.reason).toMatch(/rerun diverged at the call of agent ann, turn 1, purpose act, recorded seq \d+: messages differ: message 1/);
    expect(diff.identical).toBe(false);
  });
});

describe('fork', () => {
  it('keeps every event before the fork step identical and goes live after it', async () => {
    const dir = tmp();
    const original = await runSlow(join(dir, 'a'), { calls: 0 });
    const counter = { calls: 0 };
    const forked = await forkTrace(original.traceFile, { out: join(dir, 'fork'), at: 6, set: ['agents[1].policy={strategy: defector}'], games, buildModel: slowBuilder(counter), clock: fixedClock(0, 1) });
    expect(forked.status).toBe('completed');
    const a = await readTrace(original.traceFile);
    const b = await readTrace(forked.traceFile);
    const cut = b.events.findIndex((e) => e.type === 'checkpoint' && e.time === 6);
    expect(cut).toBeGreaterThan(0);
    expect(b.events.slice(0, cut + 1)).toEqual(a.events.slice(0, cut + 1));
    expect(b.header.parent).toMatchObject({ runId: a.header.runId, relation: 'fork' });
    // ann still asks the model from round 6 on (7 rounds); ben is now a scripted defector.
    expect(counter.calls).toBe(7);
    const benAfter = b.events.filter((e) => e.type === 'action' && e.agent === 'ben' && e.time >= 6).map((e) => (e as { action: unknown }).action);
    expect(new Set(benAfter)).toEqual(new Set(['D']));
    expect(diffTraces(a, b).identical).toBe(false);
  });

  it('injects a message into any agent, whether or not its memory held anything yet', async () => {
    const dir = tmp();
    // the v3 golden trace: alice asks a model, bob plays the random strategy (his memory stays empty)
    const original = join(import.meta.dirname, '../fixtures/traces/golden-v3.jsonl');
    const forked = await forkTrace(original, { out: join(dir, 'fork'), at: 3, inject: { alice: 'psst, bob is random', bob: 'remember the deal' }, games, buildModel: slowBuilder({ calls: 0 }, 0), clock: fixedClock(0, 1) });
    expect(forked.status).toBe('completed');
    const { events } = await readTrace(forked.traceFile);
    type Memories = { state: { memories: Record<string, { items: Array<{ text: string }> } | undefined> } };
    const at = (round: number) => events.find((e) => e.type === 'checkpoint' && e.time === round) as unknown as Memories;
    // bob's empty memory was left out of the original checkpoints; the fork's next one has the message
    expect(at(3).state.memories.bob).toBeUndefined();
    expect(at(4).state.memories.bob!.items.map((i) => i.text)).toEqual(['remember the deal']);
    const prompt = events.find((e) => e.type === 'model-call' && e.time === 3 && e.agent === 'alice') as { request: { messages: Array<{ content: string }> } };
    expect(prompt.request.messages.map((m) => m.content).join('\n')).toContain('psst, bob is random');
    await expect(forkTrace(original, { out: join(dir, 'f2'), at: 3, inject: { zed: 'x' }, games, buildModel: slowBuilder({ calls: 0 }) })).rejects.toMatchObject({ issues: [{ path: '--inject', message: 'no agent "zed" at round 3; agents: alice, bob' }] });
  });

  it('rejects a step without a checkpoint with the list of valid steps', async () => {
    const dir = tmp();
    const original = await runSlow(join(dir, 'a'), { calls: 0 });
    await expect(forkTrace(original.traceFile, { out: join(dir, 'f'), at: 99, games, buildModel: slowBuilder({ calls: 0 }) })).rejects.toThrow(/no checkpoint at round 99; this trace has checkpoints at rounds 1, 2, 3/);
  });
});

describe('resume after kill -9', () => {
  it('finishes with the same trace as an uninterrupted run, without repeating recorded calls', async () => {
    const dir = tmp();
    const reference = await runSlow(join(dir, 'reference'), { calls: 0 });
    const crashed = join(dir, 'crashed');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../fixtures/runs/slow-experiment.ts'), crashed], { stdio: 'ignore' });
    const trace = join(crashed, 'trace.jsonl');
    // Kill it in the middle of the run: after the 5th checkpoint is on disk.
    for (let i = 0; i < 400; i++) {
      await new Promise((r) => setTimeout(r, 25));
      if (existsSync(trace) && (readFileSync(trace, 'utf8').match(/"type":"checkpoint"/g)?.length ?? 0) >= 5) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const before = readFileSync(trace, 'utf8');
    expect(before).not.toContain('"type":"run-end"');
    const recordedCalls = (before.match(/"type":"model-call"/g) ?? []).length;
    const counter = { calls: 0 };
    const resumed = await resumeRun(crashed, { games, buildModel: slowBuilder(counter), clock: fixedClock(0, 1) });
    expect(resumed.status).toBe('completed');
    // Every recorded call was served again; only the calls never recorded were made.
    const checkpointCalls = recordedCalls - resumed.replayed;
    expect(counter.calls).toBe(24 - checkpointCalls - resumed.replayed);
    // The count the CLI reports is the calls that reached the model, counted, not assumed.
    expect(resumed.modelCalls).toBe(counter.calls);
    expect(counter.calls).toBeGreaterThan(0);
    expect(timeless(trace)).toEqual(timeless(reference.traceFile));
  });
});
