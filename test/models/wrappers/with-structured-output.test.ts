import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StructuredOutputError } from '../../../src/core/errors/structured-output-error.js';
import type { ModelRequest } from '../../../src/models/model.js';
import { ScriptedClient } from '../../../src/models/scripted/scripted-client.js';
import { createModelStack } from '../../../src/models/wrappers/create-model-stack.js';
import { withStructuredOutput } from '../../../src/models/wrappers/with-structured-output.js';
import { recordCalls } from '../../../src/testing/index.js';

const Move = z.object({ action: z.enum(['C', 'D']), message: z.string().optional() });
const ask: ModelRequest<z.infer<typeof Move>> = {
  messages: [{ role: 'user', content: 'Your move?' }],
  output: { schema: Move, name: 'move' },
  call: { agentId: 'alice', turn: 4, purpose: 'act', position: 0 },
};

describe('withStructuredOutput', () => {
  it('appends JSON instructions for a model without native structured output and tolerates fences', async () => {
    const inner = new ScriptedClient({ sequence: ['Sure!\n```json\n{"action": "C"}\n```'], structuredOutput: false });
    const r = await withStructuredOutput(inner).generate(ask);
    expect(r.object).toEqual({ action: 'C' });
    expect(inner.requests[0]!.messages.at(-1)!.content).toMatch(/JSON schema:\n\{.*"action"/);
  });

  it('sends no instructions to a model with native structured output', async () => {
    const inner = new ScriptedClient({ sequence: [{ object: { action: 'D' } }] });
    await withStructuredOutput(inner).generate(ask);
    expect(inner.requests[0]!.messages).toEqual(ask.messages);
  });

  it('repairs by showing the bad answer and the validation error, each repair its own position', async () => {
    const inner = new ScriptedClient({ sequence: ['{"action": "cooperate"}', 'not json', '{"action": "C"}'] });
    const r = await withStructuredOutput(inner, { maxRepairs: 2 }).generate(ask);
    expect(r.object).toEqual({ action: 'C' });
    const second = inner.requests[1]!;
    expect(second.messages.slice(1)).toEqual([
      { role: 'assistant', content: '{"action": "cooperate"}' },
      { role: 'user', content: expect.stringMatching(/not valid: action: Invalid option/) },
    ]);
    expect(inner.requests.map((q) => [q.call?.purpose, q.call?.position])).toEqual([['act', 0], ['act:repair', 1], ['act:repair', 2]]);
    // Usage of the returned response covers all three calls (scripted output tokens = ceil(chars / 4)).
    expect(r.usage.outputTokens).toBe(6 + 2 + 4);
  });

  it('fails with StructuredOutputError carrying raw text, issues and total usage after the last repair', async () => {
    const inner = new ScriptedClient({ sequence: ['{"action": 1}'], whenExhausted: 'cycle' });
    const error = await withStructuredOutput(inner, { maxRepairs: 1 }).generate(ask).catch((e) => e);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect(error).toMatchObject({ code: 'model_output_invalid', kind: 'invalid', raw: '{"action": 1}', attempts: 2, finishReason: 'stop' });
    expect(error.issues[0].path).toBe('action');
    expect(error.usage.outputTokens).toBe(8);
  });

  it('classifies a refusal separately and does not repair it', async () => {
    const inner = new ScriptedClient({ sequence: [{ refusal: 'I will not play.' }] });
    const error = await withStructuredOutput(inner).generate(ask).catch((e) => e);
    expect(error).toMatchObject({ kind: 'refused', raw: 'I will not play.' });
    expect(inner.calls).toBe(1);
  });

  it('in the stack, every repair attempt is recorded and cached as its own call', async () => {
    const { records, onCall } = recordCalls();
    const stack = createModelStack(new ScriptedClient({ sequence: ['{}', '{"action":"D"}'] }), { recording: { onCall }, cache: {}, pacing: false });
    await stack.generate(ask);
    expect(records.map((r) => [r.call.purpose, r.call.position, r.cache])).toEqual([['act', 0, 'miss'], ['act:repair', 1, 'miss']]);
    expect(new Set(records.map((r) => r.requestHash)).size).toBe(2);
  });
});
