import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ScriptedClient } from '../../../src/models/scripted/scripted-client.js';
import { createModel } from '../../../src/models/create-model.js';
import { fakeSleep, scriptedModel } from '../../../src/testing/index.js';
import { conformanceObject, describeModelClientConformance, SLOW } from '../conformance.js';

describeModelClientConformance('scripted (rules)', () => ({
  client: new ScriptedClient({
    rules: [{ when: (r) => r.output !== undefined, reply: { object: conformanceObject } }],
    fallback: 'Hello there.',
    latencyMs: (_i, r) => (r.messages.at(-1)!.content.includes(SLOW) ? 5000 : 0),
  }),
  supportsSlow: true,
}));
describeModelClientConformance('scripted:random', () => ({ client: createModel('scripted:random') }));

const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });

describe('ScriptedClient', () => {
  it('answers by rule: string, RegExp or predicate, first match wins', async () => {
    const m = new ScriptedClient({
      rules: [
        { when: 'offer', reply: 'accept' },
        { when: /^round (\d+)/, reply: (r) => `seen ${r.messages.length}` },
        { when: () => true, reply: { text: 'default' } },
      ],
    });
    expect((await m.generate(ask('an offer of 5'))).text).toBe('accept');
    expect((await m.generate(ask('round 3'))).text).toBe('seen 1');
    expect((await m.generate(ask('hello'))).text).toBe('default');
  });

  it('answers a sequence, then errors or cycles when exhausted', async () => {
    const once = scriptedModel(['C', 'D']);
    expect([(await once.generate(ask('1'))).text, (await once.generate(ask('2'))).text]).toEqual(['C', 'D']);
    await expect(once.generate(ask('3'))).rejects.toThrow(/call 3 but the sequence has only 2/);
    const cycling = scriptedModel(['C', 'D'], { cycle: true });
    const texts = [];
    for (let i = 0; i < 5; i++) texts.push((await cycling.generate(ask(String(i)))).text);
    expect(texts).toEqual(['C', 'D', 'C', 'D', 'C']);
  });

  it('parses a JSON text answer into the object when the schema accepts it', async () => {
    const m = scriptedModel(['```json\n{"n": 3}\n```', '{"n": "x"}']);
    const schema = z.object({ n: z.number() });
    expect((await m.generate({ ...ask('n?'), output: { schema } })).object).toEqual({ n: 3 });
    expect((await m.generate({ ...ask('n?'), output: { schema } })).object).toBeUndefined();
  });

  it('injects failures at given call indexes, simulated latency and usage', async () => {
    const sleep = fakeSleep();
    const boom = new Error('boom');
    const m = new ScriptedClient({ fallback: 'ok', failures: [{ at: [1, 3], error: boom }], latencyMs: 25, sleep, usage: { inputTokens: 100, outputTokens: 7 } });
    const results = await Promise.allSettled([0, 1, 2, 3].map(() => m.generate(ask('x'))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(sleep.calls).toEqual([25, 25, 25, 25]);
    expect((results[0] as PromiseFulfilledResult<{ usage: unknown }>).value.usage).toMatchObject({ inputTokens: 100, outputTokens: 7 });
  });

  describe('random mode (scripted:random)', () => {
    const schema = z.object({
      action: z.enum(['cooperate', 'defect']),
      amount: z.number().int().min(0).max(10),
      note: z.string().max(5).optional(),
      offers: z.array(z.object({ to: z.string(), share: z.number().min(0).max(1) })).max(3),
      kind: z.union([z.literal('a'), z.literal('b')]),
    });
    const request = (position: number) => ({ ...ask('Decide.'), output: { schema }, call: { agentId: 'a', turn: 1, position } });

    it('returns valid instances of the schema', async () => {
      const m = createModel('scripted:random');
      for (let p = 0; p < 30; p++) expect(schema.safeParse((await m.generate(request(p))).object).success).toBe(true);
    });

    it('is deterministic per request and seed, whatever the call order', async () => {
      const a = createModel('scripted:random', { seed: 7 });
      const b = createModel('scripted:random', { seed: 7 });
      const forward = await Promise.all([0, 1, 2].map((p) => a.generate(request(p))));
      const backward = [await b.generate(request(2)), await b.generate(request(1)), await b.generate(request(0))].reverse();
      expect(forward.map((r) => r.object)).toEqual(backward.map((r) => r.object));
      const objects = new Set(forward.map((r) => JSON.stringify(r.object)));
      expect(objects.size).toBeGreaterThan(1);
      const other = await createModel('scripted:random', { seed: 8 }).generate(request(0));
      expect(other.text).not.toBe(forward[0]!.text);
    });
  });
});

describe('the embedded offline model', () => {
  it('keeps no requests (a long run would hold every prompt), while a test client keeps them', async () => {
    const offline = createModel('scripted:random') as ScriptedClient;
    const kept = new ScriptedClient({ random: true });
    for (let i = 0; i < 3; i++) {
      await offline.generate(ask(`round ${i}`));
      await kept.generate(ask(`round ${i}`));
    }
    expect(offline.calls).toBe(3);
    expect(offline.requests).toHaveLength(0);
    expect(kept.requests.map((r) => r.messages[0]!.content)).toEqual(['round 0', 'round 1', 'round 2']);
  });
});
