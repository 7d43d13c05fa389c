import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { NewTraceEvent } from '../../src/traces/event.js';
import { prepareResume, truncateTrace } from '../../src/traces/resume.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';
import { header, tempDir } from './helpers/trace-files.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

const call = (turn: number, text: string): NewTraceEvent => ({
    type: 'model-call',
    time: turn,
    agent: 'alice',
    provider: 'scripted',
    modelId: 'echo',
    requestHash: `req-${turn}`,
    call: { turn },
    request: { messages: [{ role: 'user', content: `turn ${turn}` }] },
    response: { text, finishReason: 'stop' },
    usage: { inputTokens: 3, outputTokens: 1, cachedInputTokens: 0, reasoningTokens: 0 },
    cost: 0.01,
    attempts: [{ attempt: 1, ok: true }],
    cache: 'miss',
});

/** A run that crashed in round 2: checkpoint after round 1, a paid call and a torn line after it. */
function crashedRun(name: string): string {
  const file = tmp.file(name);
  const w = TraceWriter.create(file, header());
  w.append(call(1, 'C'));
  w.append({ type: 'action', time: 1, agent: 'alice', action: 'C' });
  w.append({ type: 'checkpoint', time: 1, state: { round: 1 } });
  w.append(call(2, 'D'.repeat(300)));
  w.close();
  appendFileSync(file, '{"seq":5,"type":"act');
  return file;
}

describe('prepareResume', () => {
  it('returns the events up to the last checkpoint, the paid calls after it and where to cut', () => {
    const file = crashedRun('crashed.jsonl');
    const point = prepareResume(file);
    expect(point.events.map((e) => e.type)).toEqual(['model-call', 'action', 'checkpoint']);
    expect(point.lastCheckpoint).toMatchObject({ seq: 2, state: { round: 1 } });
    // The round-2 call is served again from here instead of being paid twice; its text is resolved.
    expect(point.eventsAfterCheckpoint.map((e) => e.type)).toEqual(['text', 'model-call']);
    expect(point.eventsAfterCheckpoint[1]).toMatchObject({ requestHash: 'req-2', response: { text: 'D'.repeat(300) } });
    expect(point.torn?.line).toBe(7);
    const text = readFileSync(file, 'utf8');
    expect(text.slice(0, point.byteOffset).split('\n').at(-2)).toContain('"type":"checkpoint"');
  });

  it('truncating at the offset and appending continues a valid trace from the checkpoint', async () => {
    const file = crashedRun('resumed.jsonl');
    const point = prepareResume(file);
    truncateTrace(file, point.byteOffset);
    const w = TraceWriter.openForAppend(file);
    expect(w.append(call(2, 'D'.repeat(300)))).toBe(4); // the text is emitted again at seq 3
    w.close();
    const { events, torn } = await readTrace(file);
    expect(torn).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['model-call', 'action', 'checkpoint', 'text', 'model-call']);
  });

  it('without a checkpoint, resumes from just after the header', () => {
    const file = tmp.file('no-checkpoint.jsonl');
    const w = TraceWriter.create(file, header());
    w.append({ type: 'metric', time: 0, name: 'x', value: 1 });
    w.close();
    const point = prepareResume(file);
    expect(point.lastCheckpoint).toBeUndefined();
    expect(point.events).toEqual([]);
    expect(point.eventsAfterCheckpoint).toHaveLength(1);
    expect(point.byteOffset).toBe(readFileSync(file, 'utf8').indexOf('\n') + 1);
  });
});

describe('truncateTrace', () => {
  it('refuses an offset that is not a line end or lies outside the file', () => {
    const file = crashedRun('bad-cut.jsonl');
    expect(() => truncateTrace(file, 5)).toThrow(/not the end of a line/);
    expect(() => truncateTrace(file, 10 ** 9)).toThrow(/the file has \d+ bytes/);
  });
});
