// Property: whatever events go in, the reader gives them back (seq assigned densely, text events
// interleaved), and every long text appears in the file exactly once.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { NewTraceEvent } from '../../src/traces/event.js';
import { parseTraceText } from '../../src/traces/trace-reader.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';
import { header, tempDir } from './helpers/trace-files.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

// A few long texts shared across events, so that interning and reuse both happen.
const longTexts = ['alpha ', 'beta ', 'gamma '].map((w) => w.repeat(60));
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...longTexts), fc.string({ minLength: 256, maxLength: 300 }));
const agent = fc.constantFrom('alice', 'bob', 'carol');
const time = fc.nat({ max: 50 });
const payload = fc.oneof(
  text,
  fc.record({ round: fc.nat(), note: text, list: fc.array(text, { maxLength: 3 }) }),
  fc.array(fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)), { maxLength: 4 }),
);

const event: fc.Arbitrary<NewTraceEvent> = fc.oneof(
  fc.record({ type: fc.constant('observation' as const), time, agent, observation: payload }),
  fc.record({
    type: fc.constant('model-call' as const),
    time,
    agent,
    provider: fc.constant('scripted'),
    modelId: fc.constant('echo'),
    requestHash: fc.string({ minLength: 1, maxLength: 8 }),
    call: fc.record({ turn: fc.nat() }),
    request: fc.record({ messages: fc.array(fc.record({ role: fc.constantFrom('system', 'user'), content: text }), { maxLength: 3 }) }),
    response: fc.record({ text, finishReason: fc.constant('stop') }),
    usage: fc.record({ inputTokens: fc.nat(), outputTokens: fc.nat(), cachedInputTokens: fc.nat(), reasoningTokens: fc.nat() }),
    cost: fc.double({ min: 0, max: 1, noNaN: true }),
    attempts: fc.constant([{ attempt: 1, ok: true }]),
    cache: fc.constantFrom('hit' as const, 'miss' as const, 'off' as const),
  }),
  fc.record({ type: fc.constant('action' as const), time, agent, action: payload }),
  fc.record({ type: fc.constant('message' as const), time, from: agent, to: fc.constant('all' as const), channel: fc.constant('chat'), content: text }),
  fc.record({ type: fc.constant('metric' as const), time, name: fc.constantFrom('coop', 'welfare'), value: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
) as fc.Arbitrary<NewTraceEvent>;

let n = 0;
describe('trace round trip (property)', () => {
  it('reads back what was written, with dense seqs and transparent interning', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), (events) => {
        const file = tmp.file(`prop-${n++}.jsonl`);
        const w = TraceWriter.create(file, header());
        const seqs = events.map((e) => w.append(e));
        w.close();
        const raw = readFileSync(file, 'utf8');
        const read = parseTraceText(raw, file);
        expect(read.events.map((e) => e.seq)).toEqual(read.events.map((_, i) => i));
        expect(read.events.filter((e) => e.type !== 'text').map((e) => e.seq)).toEqual(seqs);
        const back = read.events.filter((e) => e.type !== 'text').map(({ seq: _seq, ...rest }) => rest);
        // JSON turns -0 into 0; compare through JSON so that is the only normalisation.
        expect(back).toEqual(JSON.parse(JSON.stringify(events)));
        const hashes = read.events.flatMap((e) => (e.type === 'text' ? [e.hash] : []));
        expect(new Set(hashes).size).toBe(hashes.length);
        // Interned places never hold a long text inline (messages and actions are not interned).
        for (const line of raw.split('\n').filter((l) => /"type":"(observation|model-call)"/.test(l))) {
          for (const long of longTexts) expect(line.includes(long)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});
