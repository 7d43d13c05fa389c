import { describe, expect, it } from 'vitest';
import { AbortedError } from '../../../src/core/errors/aborted-error.js';
import { ModelCallError } from '../../../src/core/errors/model-call-error.js';
import { Rng } from '../../../src/core/rng.js';
import { ScriptedClient } from '../../../src/models/scripted/scripted-client.js';
import { retryAfterMs, withRetry } from '../../../src/models/wrappers/with-retry.js';
import { fakeSleep } from '../../../src/testing/index.js';

const ask = { messages: [{ role: 'user' as const, content: 'x' }] };
const failing = (at: number[], error: (i: number) => Error) => new ScriptedClient({ fallback: 'ok', failures: [{ at, error }] });
const http = (status: number, headers: Record<string, string> = {}) => () =>
  new ModelCallError('x', { provider: 'scripted', modelId: 'scripted', status, headers, retryable: status === 429 || status >= 500 });

describe('withRetry', () => {
  it('reads retry-after-ms first, then retry-after as seconds or an HTTP date', () => {
    expect(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '3' })).toBe(250);
    expect(retryAfterMs({ 'retry-after': '1.5' })).toBe(1500);
    expect(retryAfterMs({ 'retry-after': 'Wed, 21 Oct 2015 07:28:10 GMT' }, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterMs({})).toBeUndefined();
  });

  it('backs off exponentially with jitter from the injected random source', async () => {
    const sleep = fakeSleep();
    const rng = Rng.fromSeed(1);
    const draws = Rng.fromSeed(1);
    const r = await withRetry(failing([0, 1, 2], http(503)), { sleep, baseDelayMs: 100, jitter: 0.5, random: () => rng.next() }).generate(ask);
    expect(r.text).toBe('ok');
    // delay_n = base * 2^(n-1) * (0.5 + 0.5 * u_n)
    const expected = [100, 200, 400].map((d) => d * 0.5 + d * 0.5 * draws.next());
    expect(sleep.calls).toEqual(expected);
    expect(r.attempts.map((a) => a.ok)).toEqual([false, false, false, true]);
  });

  it('retries network errors from the cause chain', async () => {
    const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const r = await withRetry(failing([0], reset), { sleep: fakeSleep() }).generate(ask);
    expect(r.attempts).toHaveLength(2);
    expect(r.attempts[0]).toMatchObject({ ok: false, error: 'Error' });
  });

  it('gives up after maxAttempts with a ModelCallError listing every attempt', async () => {
    const error = await withRetry(failing([0, 1, 2, 3, 4], http(429, { 'retry-after': '1' })), { maxAttempts: 3, sleep: fakeSleep() })
      .generate(ask)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error.attempts.map((a: { status?: number; delayMs?: number }) => [a.status, a.delayMs])).toEqual([[429, 1000], [429, 1000], [429, undefined]]);
  });

  it('does not retry 400, 401 or 404', async () => {
    for (const status of [400, 401, 404]) {
      const inner = failing([0], http(status));
      await expect(withRetry(inner, { sleep: fakeSleep() }).generate(ask)).rejects.toMatchObject({ status });
      expect(inner.calls).toBe(1);
    }
  });

  it('stops waiting when the signal aborts during a backoff', async () => {
    const controller = new AbortController();
    const inner = failing([0, 1, 2], http(500));
    const pending = withRetry(inner, { baseDelayMs: 10_000 }).generate({ ...ask, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    expect(inner.calls).toBe(1);
  });
});
