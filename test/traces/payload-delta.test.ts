// Schema-2 payload deltas: any payload sequence reads back exactly, growing payloads cost what they
// gained, and `$`-keyed user objects are never mistaken for operations.
import fc from 'fast-check';
import { readFileSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDelta, decodeLiteral } from '../../src/traces/payload-decode.js';
import { encodeDelta, encodeLiteral, SAME, type JsonValue } from '../../src/traces/payload-delta.js';
import { decodePayload, decodePayloadRemembered, encodePayload } from '../../src/traces/payload-streams.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';
import { header, tempDir } from './helpers/trace-files.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

const texts = new Map<string, string>();
const intern = (t: string): string => {
  const h = `h${texts.size}`;
  texts.set(h, t);
  return h;
};
const lookup = (h: string): string | undefined => texts.get(h);
const json = (v: unknown): JsonValue => JSON.parse(JSON.stringify(v)) as JsonValue;

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, 1, -2.5),
    fc.string({ maxLength: 40 }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom('a', 'b', '$c', 'd', '$text', '$o'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('payload deltas', () => {
  it('decode(base, encode(base, next)) is next, for any two JSON values', () => {
    fc.assert(
      fc.property(jsonValue, jsonValue, (a, b) => {
        const base = decodeLiteral(JSON.parse(JSON.stringify(encodeLiteral(a, intern))), lookup);
        expect(base).toEqual(json(a));
        const delta = encodeDelta(base, b, intern);
        const decoded = delta === SAME ? base : decodeDelta(base, JSON.parse(JSON.stringify(delta)), lookup);
        expect(decoded).toEqual(json(b));
        expect(JSON.stringify(decoded)).toBe(JSON.stringify(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('texts edited in several places (lines added, dropped, changed) decode exactly', () => {
    const line = fc.constantFrom('', 'a', 'b', 'round 1', 'x'.repeat(90), 'y'.repeat(120), 'You chose C.');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 8 }), (head, tail, edit) => {
        const base = [...head, ...tail].join('\n');
        const next = [...head.slice(1), ...edit, ...tail, ...edit].join('\n');
        const delta = encodeDelta(base, next, intern);
        const decoded = delta === SAME ? base : decodeDelta(base, JSON.parse(JSON.stringify(delta)), lookup);
        expect(decoded).toBe(next);
      }),
      { numRuns: 2000 },
    );
  });

  it('an appended history, a window that slides and a prompt that grows cost only what is new', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ round: i + 1, own: 'C', other: i % 3 ? 'C' : 'D' }));
    const at = (n: number) => ({ round: n + 1, history: rows.slice(0, n), window: rows.slice(Math.max(0, n - 10), n), prompt: `Rules.\n${rows.slice(0, n).map((r) => `${r.round}: ${r.own} ${r.other}`).join('\n')}\nRound ${n + 1}: choose.` });
    const sizes: number[] = [];
    for (const n of [20, 199]) {
      const delta = encodeDelta(json(at(n - 1)), at(n), intern);
      sizes.push(JSON.stringify(delta).length);
      expect(decodeDelta(json(at(n - 1)), JSON.parse(JSON.stringify(delta)), lookup)).toEqual(json(at(n)));
    }
    expect(sizes[1]! - sizes[0]!).toBeLessThanOrEqual(8); // digits of larger numbers only
    expect(sizes[1]).toBeLessThan(220);
  });

  it("the writer's stream keeps the frozen, JSON-exact records it encoded, so the next round compares them by identity", () => {
    const exact = Object.freeze({ a: 1, b: 'C', c: null, d: true });
    const inexact = [Object.freeze({ a: { nested: 1 } }), Object.freeze({ $a: 1 }), { a: 1 }];
    const older = Array.from({ length: 20 }, (_, i) => Object.freeze({ a: i, b: 'C', c: null, d: true }));
    const first = encodePayload(undefined, { history: [...older, exact, ...inexact] }, (t) => t);
    const history = (first.value as { history: JsonValue[] }).history;
    expect(history[20]).toBe(exact);
    for (let i = 0; i < inexact.length; i++) {
      expect(history[i + 21]).not.toBe(inexact[i]);
      expect(JSON.stringify(history[i + 21])).toBe(JSON.stringify(inexact[i]));
    }
    const added = Object.freeze({ a: 2, b: 'D', c: null, d: false });
    const second = encodePayload({ seq: 1, value: first.value }, { history: [...older, exact, ...inexact, added] }, (t) => t);
    expect(second.encoded).toEqual({ $d: 1, v: { $o: { history: { $a: [0, 24, [{ a: 2, b: 'D', c: null, d: false }]] } } } });
    expect((second.value as { history: JsonValue[] }).history[24]).toBe(added);
    expect(JSON.stringify(second.value)).toBe(JSON.stringify({ history: [...older, exact, ...inexact, added] }));
  });

  it('a payload read for rewriting is written in the form it was read when its base is the same object, and encoded afresh otherwise', () => {
    const hash = (t: string): string => `h:${t.length}`;
    const prompts = ['Rules.\nround 1', 'Rules.\nround 1\nround 2', 'Rules.\nround 1\nround 2\nround 3'].map((p) => ({ messages: [{ role: 'system', content: 'You play.' }, { role: 'user', content: `${'x'.repeat(200)}${p}` }] }));
    const isDelta = (e: unknown): boolean => (e as { $d?: number }).$d !== undefined;
    // Written once, then read back remembering the encodings.
    let written: { seq: number; value: JsonValue } | undefined;
    const encodings: unknown[] = [];
    prompts.forEach((p, seq) => {
      const e = encodePayload(written, p, hash);
      encodings.push(JSON.parse(JSON.stringify(e.encoded)));
      written = { seq, value: e.value };
    });
    let read: { seq: number; value: JsonValue } | undefined;
    const values = encodings.map((encoded, seq) => {
      const value = decodePayloadRemembered(read, encoded, () => undefined);
      read = { seq, value };
      return value;
    });
    // Rewritten at other seqs: the same forms, renumbered, and the reader's objects kept as the stream's values.
    let again: { seq: number; value: JsonValue } | undefined;
    values.forEach((value, i) => {
      const e = encodePayload(again, value, hash);
      expect(e.value).toBe(value);
      const original = encodings[i] as { $d?: number; v?: unknown };
      expect(e.encoded).toEqual(original.$d === undefined ? original : { $d: 100 + i - 1, v: original.v });
      again = { seq: 100 + i, value: e.value };
    });
    // A stream whose value is an equal copy, not the reader's object, is encoded again (and still decodes).
    expect(encodings.slice(1).every(isDelta)).toBe(true);
    const copy = { seq: 7, value: json(values[1]) };
    const fresh = encodePayload(copy, values[2], hash);
    expect(fresh.encoded).toEqual({ $d: 7, v: (encodings[2] as { v: unknown }).v });
    expect(fresh.encoded).not.toBe(encodings[2]);
    expect((fresh.encoded as { v: unknown }).v).not.toBe((encodings[2] as { v: unknown }).v);
    expect(decodePayload(copy, JSON.parse(JSON.stringify(fresh.encoded)), () => undefined)).toEqual(json(prompts[2]));
  });

  it('keeps user objects whose keys start with $ as data', () => {
    const value = { note: { $text: 'not a reference' }, list: [{ $o: 1 }] };
    const encoded = JSON.parse(JSON.stringify(encodeLiteral(value, intern)));
    expect(decodeLiteral(encoded, lookup)).toEqual(value);
  });
});

describe('schema-2 traces', () => {
  it('write each stream as deltas and read back every payload exactly', async () => {
    const file = tmp.file('deltas.jsonl');
    const w = TraceWriter.create(file, header());
    const expected: unknown[] = [];
    let history: Array<{ round: number; a: string; b: string }> = [];
    for (let round = 1; round <= 300; round++) {
      w.append({ type: 'phase-start', time: round, phase: { kind: 'simultaneous', agents: ['a', 'b'], round } });
      for (const agent of ['a', 'b']) {
        const observation = { agent, round, rules: [[3, 0], [5, 1]], history };
        expected.push(observation);
        w.append({ type: 'observation', time: round, agent, observation });
        const prompt = `You are ${agent}.\n${history.map((h) => `Round ${h.round}: ${h.a}/${h.b}`).join('\n')}\nRound ${round}.`;
        w.append({
          type: 'model-call', time: round, agent, provider: 'scripted', modelId: 'x', requestHash: 'h', call: { purpose: 'act', turn: round },
          request: { messages: [{ role: 'system', content: 'S'.repeat(400) }, { role: 'user', content: prompt }] },
          response: { text: 'C', finishReason: 'stop' }, usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, reasoningTokens: 0 },
          cost: 0, attempts: [{ attempt: 1, ok: true }], cache: 'off',
        });
      }
      history = [...history, { round, a: 'C', b: round % 2 ? 'D' : 'C' }];
      w.append({ type: 'checkpoint', time: round, state: { round, history, memories: { a: { items: history.map((h) => ({ turn: h.round, text: `You chose ${h.a}.` })) } } } });
    }
    w.close();
    const { events } = await readTrace(file);
    expect(events.filter((e) => e.type === 'observation').map((e) => e.type === 'observation' && e.observation)).toEqual(expected);
    const lastCall = events.filter((e) => e.type === 'model-call').at(-1)!;
    expect(lastCall.type === 'model-call' && lastCall.request.messages[1]!.content).toMatch(/^You are b\.\nRound 1: C\/D\n[\s\S]*Round 299: C\/D\nRound 300\.$/);
    const lastCheckpoint = events.filter((e) => e.type === 'checkpoint').at(-1)!;
    expect(lastCheckpoint.type === 'checkpoint' && (lastCheckpoint.state as { history: unknown[] }).history).toHaveLength(300);
    // Constant bytes per round: the last 100 rounds cost about what rounds 101-200 did.
    const lines = readFileSync(file, 'utf8').split('\n');
    const bytesOf = (from: number, to: number) => lines.filter((l) => /"time":(\d+)/.test(l) && +RegExp.$1 >= from && +RegExp.$1 <= to).join('\n').length;
    expect(bytesOf(201, 300) / bytesOf(101, 200)).toBeLessThan(1.1);
    expect(statSync(file).size).toBeLessThan(300 * 2_000);
  });

  it('a delta whose base is not the previous event of its stream is an error naming the line', async () => {
    const file = tmp.file('bad-base.jsonl');
    const w = TraceWriter.create(file, header());
    w.append({ type: 'observation', time: 1, agent: 'a', observation: { round: 1, history: ['x'.repeat(50)] } });
    w.append({ type: 'observation', time: 2, agent: 'a', observation: { round: 2, history: ['x'.repeat(50), 'y'] } });
    w.close();
    const text = readFileSync(file, 'utf8').replace('"$d":0', '"$d":7');
    const { parseTraceText } = await import('../../src/traces/trace-reader.js');
    expect(() => parseTraceText(text, 'bad.jsonl')).toThrow(/line 3.*events\.observation\.\$d|previous event of its stream is seq 0/);
  });
});
