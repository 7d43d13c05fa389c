import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors/index.js';
import { sha256 } from '../../src/core/hash.js';
import type { NewTraceEvent } from '../../src/traces/event.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';
import { header, tempDir } from './helpers/trace-files.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

const long = (c: string) => c.repeat(300);
const modelCall = (agent: string, system: string, reply: string): NewTraceEvent => ({
  type: 'model-call',
  time: 1,
  agent,
  provider: 'scripted',
  modelId: 'echo',
  requestHash: 'h',
  call: { purpose: 'act' },
  request: { messages: [{ role: 'system', content: system }, { role: 'user', content: 'short' }] },
  response: { text: reply, finishReason: 'stop' },
  usage: { inputTokens: 10, outputTokens: 5, cachedInputTokens: 0, reasoningTokens: 0 },
  cost: 0,
  attempts: [{ attempt: 1, ok: true }],
  cache: 'off',
});
const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));

describe('TraceWriter', () => {
  it('assigns dense seqs and the reader gets the same events back', async () => {
    const file = tmp.file('round-trip.jsonl');
    const w = TraceWriter.create(file, header());
    expect(w.append({ type: 'phase-start', time: 0, phase: { kind: 'simultaneous', agents: ['a'], round: 0 } })).toBe(0);
    expect(w.append({ type: 'action', time: 0, agent: 'a', parents: [0], action: { move: 'C' } })).toBe(1);
    expect(w.append({ type: 'metric', time: 0, name: 'coop', value: 1 })).toBe(2);
    w.close();
    const { header: h, events } = await readTrace(file);
    expect(h.runId).toBe('run-1');
    expect(events.map((e) => [e.seq, e.type])).toEqual([[0, 'phase-start'], [1, 'action'], [2, 'metric']]);
    expect(events[1]).toEqual({ seq: 1, type: 'action', time: 0, agent: 'a', parents: [0], action: { move: 'C' } });
  });

  it('writes a long text once, as a text event just before its first use, and refers to it by hash', async () => {
    const file = tmp.file('intern.jsonl');
    const w = TraceWriter.create(file, header());
    const system = long('s');
    const obs = long('o');
    expect(w.append({ type: 'observation', time: 1, agent: 'a', observation: { prompt: [obs] } })).toBe(1);
    expect(w.append(modelCall('a', system, obs))).toBe(3);
    expect(w.append(modelCall('b', system, 'ok'))).toBe(4);
    w.close();
    const raw = lines(file);
    expect(raw.map((l) => l.type)).toEqual(['header', 'text', 'observation', 'text', 'model-call', 'model-call']);
    expect(raw[1]).toEqual({ seq: 0, type: 'text', time: 1, hash: sha256(obs), text: obs });
    expect(raw[2].observation).toEqual({ prompt: [{ $text: sha256(obs) }] });
    expect(raw[4].request.messages[0].content).toEqual({ $text: sha256(system) });
    expect(raw[4].request.messages[1].content).toBe('short');
    expect(raw[4].response.text).toEqual({ $text: sha256(obs) });
    expect(raw[5].request.messages[0].content).toEqual({ $text: sha256(system) });
    const { events } = await readTrace(file);
    const call = events.find((e) => e.type === 'model-call' && e.agent === 'a');
    expect(call).toMatchObject({ request: { messages: [{ content: system }, { content: 'short' }] }, response: { text: obs } });
  });

  it('does not intern long strings outside model calls and observations', () => {
    const file = tmp.file('no-intern.jsonl');
    const w = TraceWriter.create(file, header());
    w.append({ type: 'message', time: 0, from: 'a', to: 'all', channel: 'chat', content: long('m') });
    w.close();
    expect(lines(file).map((l) => l.type)).toEqual(['header', 'message']);
  });

  it('does not mutate the caller’s event', () => {
    const w = TraceWriter.create(tmp.file('no-mutate.jsonl'), header());
    const event = modelCall('a', long('x'), long('y'));
    const copy = structuredClone(event);
    w.append(event);
    w.close();
    expect(event).toEqual(copy);
  });

  it('writes identical bytes for identical inputs', () => {
    const write = (name: string) => {
      const w = TraceWriter.create(tmp.file(name), header());
      w.append({ type: 'observation', time: 0, agent: 'a', observation: { text: long('q') } });
      w.append(modelCall('a', long('q'), 'fine'));
      w.close();
      return readFileSync(tmp.file(name));
    };
    expect(write('det-1.jsonl').equals(write('det-2.jsonl'))).toBe(true);
  });

  it('by default rejects a non-finite number (JSON would write null) before writing anything', () => {
    const file = tmp.file('invalid.jsonl');
    const w = TraceWriter.create(file, header());
    expect(() => w.append({ type: 'metric', time: 0, name: 'x', value: Number.NaN })).toThrow(
      /expected a finite number \(field events\.value\)/,
    );
    const end = { type: 'run-end', time: 0, status: 'completed', payoffs: { bob: -Infinity }, metrics: {} } as const;
    expect(() => w.append(end)).toThrow(/field events\.payoffs\.bob/);
    expect(w.append({ type: 'metric', time: 0, name: 'x', value: 1 })).toBe(0);
    w.close();
    expect(lines(file)).toHaveLength(2);
  });

  it('with full validation rejects anything the reader would, naming the field', () => {
    const w = TraceWriter.create(tmp.file('full.jsonl'), header(), { validate: 'full' });
    const bad = { type: 'action-invalid', time: 0, agent: 'a', kind: 'rude', error: '', attempt: 1, resolution: 'default' };
    expect(() => w.append(bad as never)).toThrow(/invalid action-invalid event: .*\(field events\.kind\)/);
    w.close();
  });

  it('rejects an invalid header', () => {
    expect(() => TraceWriter.create(tmp.file('bad-header.jsonl'), header({ runId: '' }))).toThrow(
      /field header\.runId/,
    );
  });

  it('refuses to overwrite an existing trace unless asked', () => {
    const file = tmp.file('exists.jsonl');
    writeFileSync(file, 'x');
    expect(() => TraceWriter.create(file, header())).toThrow(InputError);
    TraceWriter.create(file, header(), { overwrite: true }).close();
    expect(lines(file)).toHaveLength(1);
  });

  it('in batched mode holds lines until flush()', () => {
    const file = tmp.file('batched.jsonl');
    const w = TraceWriter.create(file, header(), { bufferBytes: 1 << 20 });
    w.append({ type: 'metric', time: 0, name: 'x', value: 1 });
    expect(lines(file)).toHaveLength(1);
    w.flush();
    expect(lines(file)).toHaveLength(2);
    w.append({ type: 'metric', time: 0, name: 'x', value: 2 });
    w.close();
    expect(lines(file)).toHaveLength(3);
  });

  it('reopens a trace and continues its seq and its interned texts', async () => {
    const file = tmp.file('reopen.jsonl');
    const w = TraceWriter.create(file, header());
    w.append({ type: 'observation', time: 0, agent: 'a', observation: long('r') });
    w.close();
    const again = TraceWriter.openForAppend(file);
    expect(again.nextSeq).toBe(2);
    expect(again.append({ type: 'observation', time: 1, agent: 'a', observation: long('r') })).toBe(2);
    again.close();
    expect(lines(file).map((l) => l.type)).toEqual(['header', 'text', 'observation', 'observation']);
    const { events } = await readTrace(file);
    expect(events[2]).toMatchObject({ observation: long('r') });
  });

  it('reopening after seq N drops later events and re-emits texts they had introduced', async () => {
    const file = tmp.file('truncate-after.jsonl');
    const w = TraceWriter.create(file, header());
    w.append({ type: 'metric', time: 0, name: 'x', value: 1 });
    w.append({ type: 'observation', time: 1, agent: 'a', observation: long('t') });
    w.close();
    const again = TraceWriter.openForAppend(file, { truncateAfterSeq: 0 });
    expect(again.append({ type: 'observation', time: 1, agent: 'a', observation: long('t') })).toBe(2);
    again.close();
    expect(lines(file).map((l) => l.type)).toEqual(['header', 'metric', 'text', 'observation']);
    expect((await readTrace(file)).events).toHaveLength(3);
    expect(() => TraceWriter.openForAppend(file, { truncateAfterSeq: 9 })).toThrow(/events run from 0 to 2/);
  });
});
