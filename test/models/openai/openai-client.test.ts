import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelCallError } from '../../../src/core/errors/model-call-error.js';
import { StructuredOutputError } from '../../../src/core/errors/structured-output-error.js';
import { OpenAIClient } from '../../../src/models/openai/openai-client.js';
import { withRetry } from '../../../src/models/wrappers/with-retry.js';
import { createModelStack } from '../../../src/models/wrappers/create-model-stack.js';
import { fakeSleep } from '../../../src/testing/index.js';
import { conformanceObject, describeModelClientConformance, SLOW } from '../conformance.js';
import { type Handler, inOrder, startServer, type TestServer } from '../servers/http-server.js';
import { completion, openaiError } from '../servers/openai-wire.js';

const cooperative: Handler = (req) => {
  const last = req.body.messages.at(-1).content as string;
  if (last.includes(SLOW)) return { hang: true };
  return req.body.response_format ? completion(JSON.stringify(conformanceObject)) : completion('Hello there.');
};

describeModelClientConformance('openai', async () => {
  const server = await startServer(cooperative);
  return { client: new OpenAIClient({ model: 'gpt-test', baseURL: `${server.url}/v1`, apiKey: 'k' }), close: server.close, supportsSlow: true };
});

describe('OpenAIClient against a chat.completions server', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());
  const client = (s: TestServer, timeout = 5000) => new OpenAIClient({ model: 'gpt-test', baseURL: `${s.url}/v1`, apiKey: 'k', timeout });

  it('sends a strict json_schema response_format and maps usage', async () => {
    server = await startServer(inOrder(completion('{"name":"bob","age":null,"tags":["a"]}')));
    const schema = z.object({ name: z.string().min(1), age: z.number().optional(), tags: z.array(z.string()) });
    const response = await client(server).generate({ messages: [{ role: 'user', content: 'who?' }], output: { schema, name: 'person' } });
    const sent = server.requests[0]!.body;
    expect(sent.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'person', strict: true } });
    const json = sent.response_format.json_schema.schema;
    expect(json).toMatchObject({ type: 'object', additionalProperties: false, required: ['name', 'age', 'tags'] });
    expect(json.properties.age.type).toEqual(['number', 'null']);
    expect(json.properties.name.minLength).toBeUndefined();
    // The null sent for the optional `age` is removed before zod validates.
    expect(response.object).toEqual({ name: 'bob', tags: ['a'] });
    expect(response.usage).toEqual({ inputTokens: 12, outputTokens: 5, cachedInputTokens: 4, reasoningTokens: 2 });
    expect(server.requests[0]!.headers['x-stainless-retry-count']).toBe('0');
  });

  it('maps sampling options to the wire names', async () => {
    server = await startServer(inOrder(completion('ok', { finish: 'length' })));
    const r = await client(server).generate({
      messages: [{ role: 'user', content: 'x' }],
      sampling: { temperature: 0.3, topP: 0.9, maxTokens: 7, seed: 42, stop: ['\n'] },
    });
    expect(server.requests[0]!.body).toMatchObject({ temperature: 0.3, top_p: 0.9, max_completion_tokens: 7, seed: 42, stop: ['\n'] });
    expect(r.finishReason).toBe('length');
  });

  it('classifies message.refusal as finishReason refusal, and the structured layer as a refused error', async () => {
    server = await startServer(inOrder(completion(null, { refusal: 'I cannot help with that.' })));
    const r = await client(server).generate({ messages: [{ role: 'user', content: 'x' }] });
    expect(r).toMatchObject({ finishReason: 'refusal', refusal: 'I cannot help with that.' });
    const stack = createModelStack(client(server), { retry: false, pacing: false });
    const error = await stack.generate({ messages: [{ role: 'user', content: 'x' }], output: { schema: z.object({ a: z.string() }) } }).catch((e) => e);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect(error.kind).toBe('refused');
  });

  it('honours retry-after on a 429 and retry-after-ms over it', async () => {
    server = await startServer(inOrder(openaiError(429, { 'retry-after': '2' }), openaiError(429, { 'retry-after-ms': '150', 'retry-after': '9' }), completion('done')));
    const sleep = fakeSleep();
    const r = await withRetry(client(server), { sleep, random: () => 0.5 }).generate({ messages: [{ role: 'user', content: 'x' }] });
    expect(r.text).toBe('done');
    expect(sleep.calls).toEqual([2000, 150]);
    expect(server.requests).toHaveLength(3);
    expect(r.attempts.map((a) => [a.ok, a.status, a.delayMs])).toEqual([[false, 429, 2000], [false, 429, 150], [true, 200, undefined]]);
  });

  it('retries a 500 then succeeds with exponential backoff', async () => {
    server = await startServer(inOrder(openaiError(500), completion('fine')));
    const sleep = fakeSleep();
    const r = await withRetry(client(server), { sleep, baseDelayMs: 100, jitter: 0 }).generate({ messages: [{ role: 'user', content: 'x' }] });
    expect(r.text).toBe('fine');
    expect(sleep.calls).toEqual([100]);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a 400 and reports status and provider', async () => {
    server = await startServer(inOrder(openaiError(400)));
    const error = await withRetry(client(server), { sleep: fakeSleep() }).generate({ messages: [{ role: 'user', content: 'x' }] }).catch((e) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error).toMatchObject({ status: 400, provider: 'openai', modelId: 'gpt-test', retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('times out a server that never answers, retries, then fails with every attempt listed', async () => {
    server = await startServer(() => ({ hang: true }));
    const error = await withRetry(client(server, 150), { maxAttempts: 2, sleep: fakeSleep() })
      .generate({ messages: [{ role: 'user', content: 'x' }] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error.attempts).toHaveLength(2);
    expect(error.attempts[0].error).toBe('APIConnectionTimeoutError');
    expect(server.requests).toHaveLength(2);
  });

  it('reports a malformed body as a ModelCallError', async () => {
    server = await startServer(inOrder({ body: '{"choices": [ oops' }));
    const error = await client(server).generate({ messages: [{ role: 'user', content: 'x' }] }).catch((e) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error.message).toMatch(/malformed|JSON/i);
  });
});
