import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelCallError } from '../../../src/core/errors/model-call-error.js';
import { AnthropicClient } from '../../../src/models/anthropic/anthropic-client.js';
import { withRetry } from '../../../src/models/wrappers/with-retry.js';
import { fakeSleep } from '../../../src/testing/index.js';
import { conformanceObject, describeModelClientConformance, SLOW } from '../conformance.js';
import { anthropicError, message, textMessage, toolMessage } from '../servers/anthropic-wire.js';
import { type Handler, inOrder, startServer, type TestServer } from '../servers/http-server.js';

const cooperative: Handler = (req) => {
  const last = req.body.messages.at(-1).content as string;
  if (last.includes(SLOW)) return { hang: true };
  return req.body.tools ? toolMessage(req.body.tools[0].name, conformanceObject) : textMessage('Hello there.');
};

describeModelClientConformance('anthropic', async () => {
  const server = await startServer(cooperative);
  return { client: new AnthropicClient({ model: 'claude-test', baseURL: server.url, apiKey: 'k' }), close: server.close, supportsSlow: true };
});

describe('AnthropicClient against a messages server', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());
  const client = (s: TestServer, timeout = 5000) => new AnthropicClient({ model: 'claude-test', baseURL: s.url, apiKey: 'k', timeout });

  it('sends system messages in `system` and forces the output tool', async () => {
    server = await startServer(inOrder(toolMessage('move', { action: 'C' })));
    const schema = z.object({ action: z.enum(['C', 'D']) });
    const r = await client(server).generate({
      messages: [{ role: 'system', content: 'You are Alice.' }, { role: 'user', content: 'Move?' }],
      output: { schema, name: 'move' },
      sampling: { maxTokens: 50, stop: ['END'] },
    });
    const sent = server.requests[0]!.body;
    expect(server.requests[0]!.path).toBe('/v1/messages');
    expect(sent.system).toBe('You are Alice.');
    expect(sent.messages).toEqual([{ role: 'user', content: 'Move?' }]);
    expect(sent.tool_choice).toEqual({ type: 'tool', name: 'move' });
    expect(sent.tools[0].input_schema).toMatchObject({ type: 'object', properties: { action: { enum: ['C', 'D'] } } });
    expect(sent).toMatchObject({ max_tokens: 50, stop_sequences: ['END'] });
    expect(r.object).toEqual({ action: 'C' });
    expect(r.finishReason).toBe('stop');
  });

  it('asks for a non-object output as { value } and unwraps it', async () => {
    server = await startServer(inOrder(toolMessage('output', { value: [1, 2] })));
    const r = await client(server).generate({ messages: [{ role: 'user', content: 'x' }], output: { schema: z.array(z.number()) } });
    expect(server.requests[0]!.body.tools[0].input_schema.properties.value.type).toBe('array');
    expect(r.object).toEqual([1, 2]);
  });

  it('counts cache reads as cached input inside total input', async () => {
    server = await startServer(inOrder(textMessage('hi', { usage: { input_tokens: 10, output_tokens: 6, cache_read_input_tokens: 30, cache_creation_input_tokens: 5 } })));
    const r = await client(server).generate({ messages: [{ role: 'user', content: 'x' }] });
    expect(r.usage).toEqual({ inputTokens: 45, outputTokens: 6, cachedInputTokens: 30, reasoningTokens: 0 });
  });

  it('maps stop reasons, refusal included', async () => {
    server = await startServer(inOrder(textMessage('cut', { stop: 'max_tokens' }), message([], { stop: 'refusal' })));
    expect((await client(server).generate({ messages: [{ role: 'user', content: 'x' }] })).finishReason).toBe('length');
    expect(await client(server).generate({ messages: [{ role: 'user', content: 'x' }] })).toMatchObject({ finishReason: 'refusal', refusal: 'refused' });
  });

  it('honours retry-after (HTTP date) on 429 and retries a 529 overload', async () => {
    const date = new Date(Date.now() + 3000).toUTCString();
    server = await startServer(inOrder(anthropicError(429, { 'retry-after': date }), anthropicError(529), textMessage('ok')));
    const sleep = fakeSleep();
    const r = await withRetry(client(server), { sleep, baseDelayMs: 10, jitter: 0 }).generate({ messages: [{ role: 'user', content: 'x' }] });
    expect(r.text).toBe('ok');
    expect(sleep.calls[0]).toBeGreaterThan(1000);
    expect(sleep.calls[0]).toBeLessThanOrEqual(3000);
    expect(sleep.calls[1]).toBe(20);
    expect(server.requests).toHaveLength(3);
  });

  it('times out and reports a malformed body', async () => {
    server = await startServer(inOrder({ hang: true }, { body: 'not json at all {' }));
    const c = client(server, 150);
    const timeout = await c.generate({ messages: [{ role: 'user', content: 'x' }] }).catch((e) => e);
    expect(timeout).toBeInstanceOf(ModelCallError);
    expect(timeout.retryable).toBe(true);
    const malformed = await c.generate({ messages: [{ role: 'user', content: 'x' }] }).catch((e) => e);
    expect(malformed).toBeInstanceOf(ModelCallError);
    // A 200 with an unreadable body is a server fault, retried like a 5xx.
    expect(malformed.retryable).toBe(true);
  });
});
