import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelCallError } from '../../../src/core/errors/model-call-error.js';
import { requestHash } from '../../../src/models/request-hash.js';
import { ScriptedClient } from '../../../src/models/scripted/scripted-client.js';
import { createModelStack } from '../../../src/models/wrappers/create-model-stack.js';
import { withRecording } from '../../../src/models/wrappers/with-recording.js';
import { fakeSleep, recordCalls } from '../../../src/testing/index.js';

const ask = {
  messages: [{ role: 'user' as const, content: 'Offer?' }],
  output: { schema: z.object({ offer: z.number() }), name: 'offer' },
  sampling: { temperature: 0 },
  call: { agentId: 'seller', role: 'business', turn: 2, purpose: 'act' },
};

describe('withRecording', () => {
  it('records a success as a model-call event body', async () => {
    const { records, onCall } = recordCalls();
    await withRecording(new ScriptedClient({ sequence: [{ object: { offer: 5 } }] }), { onCall }).generate(ask);
    expect(records).toEqual([
      {
        type: 'model-call',
        agent: 'seller',
        provider: 'scripted',
        modelId: 'scripted',
        requestHash: requestHash(ask),
        call: { purpose: 'act', turn: 2, role: 'business' },
        request: { messages: ask.messages, schema: expect.objectContaining({ name: 'offer' }), sampling: { temperature: 0 } },
        response: { text: '{"offer":5}', object: { offer: 5 }, finishReason: 'stop' },
        usage: { inputTokens: 2, outputTokens: 3, cachedInputTokens: 0, reasoningTokens: 0 },
        cost: 0,
        attempts: [{ attempt: 1, ok: true, durationMs: 0 }],
        cache: 'off',
      },
    ]);
  });

  it('records a final failure with its error code and every attempt', async () => {
    const { records, onCall } = recordCalls();
    const down = () => new ModelCallError('down', { provider: 'scripted', modelId: 'scripted', status: 503, retryable: true });
    const stack = createModelStack(new ScriptedClient({ fallback: 'x', failures: [{ at: [0, 1, 2], error: down }] }), {
      recording: { onCall },
      retry: { maxAttempts: 3, sleep: fakeSleep() },
    });
    await expect(stack.generate({ ...ask, output: undefined })).rejects.toBeInstanceOf(ModelCallError);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ response: { text: '', finishReason: 'error' }, error: { code: 'model_call_failed' }, cost: 0 });
    expect(records[0]!.attempts.map((a) => a.status)).toEqual([503, 503, 503]);
  });
});
