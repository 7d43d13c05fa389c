import { describe, expect, it } from 'vitest';
import { ModelCallError } from '../../../src/core/errors/model-call-error.js';
import type { ModelClient, ModelRequest, ModelResponse } from '../../../src/models/model.js';
import { PacingRegistry, withPacing } from '../../../src/models/wrappers/with-pacing.js';
import { ScriptedClient } from '../../../src/models/scripted/scripted-client.js';

/** A client that tracks calls in flight and start times (ms). */
function tracked(latencyMs: number, fail?: (i: number) => Error | undefined) {
  const stats = { inFlight: 0, maxInFlight: 0, starts: [] as number[] };
  const inner = new ScriptedClient({ fallback: 'ok', latencyMs, usage: { inputTokens: 10, outputTokens: 0 } });
  let n = 0;
  const client: ModelClient = {
    ...inner,
    specificationVersion: 'v1',
    provider: 'test',
    modelId: `m${Math.random()}`,
    capabilities: inner.capabilities,
    async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      const i = n++;
      stats.starts.push(performance.now());
      stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
      try {
        const error = fail?.(i);
        if (error) throw error;
        return await inner.generate(request);
      } finally {
        stats.inFlight--;
      }
    },
  };
  return { client, stats };
}

const ask = { messages: [{ role: 'user' as const, content: 'x'.repeat(40) }] };

/** Most starts inside any window of `windowMs`. */
function maxPerWindow(starts: number[], windowMs: number): number {
  const s = [...starts].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (s[i]! - s[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('withPacing', () => {
  it('never exceeds its concurrency under 200 concurrent calls', async () => {
    const { client, stats } = tracked(2);
    const paced = withPacing(client, { concurrency: 7, registry: new PacingRegistry() });
    await Promise.all(Array.from({ length: 200 }, () => paced.generate(ask)));
    expect(stats.maxInFlight).toBe(7);
    expect(stats.starts).toHaveLength(200);
  });

  it('never exceeds requests per minute in any sliding window (6000 rpm = 10 per 100 ms)', async () => {
    const { client, stats } = tracked(1);
    const paced = withPacing(client, { concurrency: 50, requestsPerMinute: 6000, windowMs: 100, registry: new PacingRegistry() });
    await Promise.all(Array.from({ length: 200 }, () => paced.generate(ask)));
    // Measured where the provider sees calls; 2 ms of slack for the hop from admission to the call.
    expect(maxPerWindow(stats.starts, 98)).toBeLessThanOrEqual(10);
    // 200 calls at 10 per 100 ms need at least 19 full windows.
    expect(stats.starts.at(-1)! - stats.starts[0]!).toBeGreaterThanOrEqual(1900 - 5);
  });

  it('spaces calls by estimated tokens per minute', async () => {
    const { client, stats } = tracked(0);
    // 40 chars = 10 tokens each; 60000 tpm over 50 ms windows = 50 tokens = 5 calls per window.
    const paced = withPacing(client, { concurrency: 50, tokensPerMinute: 60_000, windowMs: 50, registry: new PacingRegistry() });
    await Promise.all(Array.from({ length: 40 }, () => paced.generate(ask)));
    expect(maxPerWindow(stats.starts, 48)).toBeLessThanOrEqual(5);
    expect(stats.starts.at(-1)! - stats.starts[0]!).toBeGreaterThanOrEqual(7 * 50 - 5);
  });

  it('shares one limit between clients of the same provider and model', async () => {
    const { client, stats } = tracked(3);
    const registry = new PacingRegistry();
    const a = withPacing(client, { concurrency: 3, registry });
    const b = withPacing(client, { concurrency: 3, registry });
    await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).generate(ask)));
    expect(stats.maxInFlight).toBe(3);
  });

  it('halves concurrency on a 429 and recovers one slot after N successes', async () => {
    const rateLimited = new ModelCallError('slow down', { provider: 'test', modelId: 'm', status: 429 });
    const { client } = tracked(0, (i) => (i === 0 ? rateLimited : undefined));
    const registry = new PacingRegistry();
    const paced = withPacing(client, { concurrency: 8, recoverAfter: 3, registry });
    const state = registry.get(`test:${client.modelId}`, () => {
      throw new Error('state should exist');
    });
    await expect(paced.generate(ask)).rejects.toBe(rateLimited);
    expect(state.concurrency).toBe(4);
    for (let i = 0; i < 3; i++) await paced.generate(ask);
    expect(state.concurrency).toBe(5);
    expect(state.queue.concurrency).toBe(5);
  });

  it('gives a refused (429) request its window slot back', async () => {
    const rateLimited = new ModelCallError('slow down', { provider: 'test', modelId: 'm', status: 429 });
    const { client, stats } = tracked(0, (i) => (i === 0 ? rateLimited : undefined));
    // One request per 300 ms window: without the release the second call would wait ~300 ms.
    const paced = withPacing(client, { requestsPerMinute: 200, windowMs: 300, windowMarginMs: 0, registry: new PacingRegistry() });
    await expect(paced.generate(ask)).rejects.toBe(rateLimited);
    await paced.generate(ask);
    await paced.generate(ask);
    expect(stats.starts[1]! - stats.starts[0]!).toBeLessThan(150);
    expect(stats.starts[2]! - stats.starts[1]!).toBeGreaterThanOrEqual(295);
  });
});
