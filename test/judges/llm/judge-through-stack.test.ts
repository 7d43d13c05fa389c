// Judge calls are model calls like any other: paced, cached, costed and recorded when the caller
// passes a client built with createModelStack.
import { describe, expect, it } from 'vitest';
import { createLlmReferenceJudge } from '../../../src/judges/llm/reference-judge.js';
import { createRubricJudge } from '../../../src/judges/llm/rubric-judge.js';
import { ScriptedClient } from '../../../src/models/scripted/scripted-client.js';
import { createModelStack } from '../../../src/models/wrappers/create-model-stack.js';
import type { ModelCallRecord } from '../../../src/models/replay/replay-client.js';

describe('a judge behind the model stack', () => {
  it('is costed in the ledger under judge:<name>, cached on repeat, and recorded', async () => {
    const adapter = new ScriptedClient({ modelId: 'judge-model', respond: () => ({ object: { verdict: 'YES', rationale: 'matches' } }), usage: { inputTokens: 1000, outputTokens: 100 } });
    const records: ModelCallRecord[] = [];
    const client = createModelStack(adapter, {
      usage: { prices: { 'scripted:judge-model': { input: 1, output: 10 } } },
      cache: {},
      recording: { onCall: (r) => void records.push(r) },
      pacing: { concurrency: 1 },
    });
    const judge = createLlmReferenceJudge({ client, name: 'verifier' });
    const input = { question: 'What is 6·7?', reference: '42', candidate: 'It is 42.' };

    const first = await judge.judge(input, { runId: 'r1', turn: 3 });
    // 1000 input tokens at $1/M + 100 output tokens at $10/M = $0.002
    expect(first.cost).toBeCloseTo(0.002, 12);
    const second = await judge.judge(input, { runId: 'r1', turn: 3 });
    expect(second.cost).toBe(0); // cache hit
    expect(adapter.calls).toBe(1);

    const ledger = client.ledger!;
    expect(ledger.byAgent['judge:verifier']).toMatchObject({ calls: 2, cacheHits: 1, inputTokens: 1000, outputTokens: 100 });
    expect(ledger.total.cost).toBeCloseTo(0.002, 12);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ agent: 'judge:verifier', call: { purpose: 'judge', turn: 3, replicate: 0 }, cache: 'miss' });
    expect(records[1]).toMatchObject({ cache: 'hit' });
  });

  it('panel replicates are distinct cache entries', async () => {
    let n = 0;
    const adapter = new ScriptedClient({ respond: () => ({ object: { scores: { goal: n++ } } }) });
    const client = createModelStack(adapter, { cache: {} });
    const judge = createRubricJudge({ client, name: 'g', dimensions: [{ name: 'goal', min: 0, max: 10, description: '' }] });
    const target = { seq: [1], text: 'hello' };
    const scores = await Promise.all([0, 1, 2].map((replicate) => judge.judge(target, { replicate })));
    expect(scores.map((s) => s.scores.goal).sort()).toEqual([0, 1, 2]);
    expect(adapter.calls).toBe(3);
  });
});
