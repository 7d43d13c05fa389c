// The only retry layer (vendor clients run with maxRetries 0). Retries 408, 409, 429, 5xx and network
// failures with exponential backoff and jitter, but a server's `retry-after-ms` / `retry-after` wins
// over the computed delay. Every try is listed in `response.attempts` (and in the final error's).
import pRetry from 'p-retry';
import { AbortedError } from '../../core/errors/aborted-error.js';
import { ModelCallError } from '../../core/errors/model-call-error.js';
import type { Attempt, ModelClient, ModelRequest, ModelResponse } from '../model.js';
import { wrapModel } from './wrap-model.js';
import { toModelCallError } from '../provider-error.js';
import { defaultSleep, type Sleep } from '../sleep.js';

export interface RetryOptions {
  /** Most tries in all, the first included. @default 4 */
  maxAttempts?: number;
  /** Delay before the second try, in ms; doubles (times `factor`) each retry. @default 500 */
  baseDelayMs?: number;
  /** Backoff growth per retry. @default 2 */
  factor?: number;
  /** Cap on any one delay, server-requested delays included, in ms. @default 60000 */
  maxDelayMs?: number;
  /** Fraction of the computed delay drawn at random (full jitter = 1). @default 0.5 */
  jitter?: number;
  /** Uniform [0, 1) source for jitter; inject a seeded one for reproducible delays. @default Math.random */
  random?: () => number;
  /** @default setTimeout */
  sleep?: Sleep;
}

/** Milliseconds the server asked us to wait, from `retry-after-ms`, then `retry-after` (seconds or HTTP date). */
export function retryAfterMs(headers: Record<string, string>, nowMs = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers['retry-after-ms'] ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && /^\s*[\d.]+\s*$/.test(value)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Retries `client` (see {@link RetryOptions}). The final failure is a ModelCallError carrying every attempt. */
export function withRetry(client: ModelClient, options: RetryOptions = {}): ModelClient {
  const maxAttempts = options.maxAttempts ?? 4;
  const base = options.baseDelayMs ?? 500;
  const factor = options.factor ?? 2;
  const maxDelay = options.maxDelayMs ?? 60_000;
  const jitter = options.jitter ?? 0.5;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const where = { provider: client.provider, modelId: client.modelId };

  return wrapModel(client, async <T>(request: ModelRequest<T>): Promise<ModelResponse<T>> => {
    const attempts: Attempt[] = [];
    let started = 0;
    const run = async (attempt: number): Promise<ModelResponse<T>> => {
      started = performance.now();
      try {
        const response = await client.generate(request);
        const last = response.attempts.at(-1);
        attempts.push({ ...last, attempt, ok: true, durationMs: performance.now() - started });
        return { ...response, attempts };
      } catch (error) {
        throw toModelCallError(error, { ...where, signal: request.signal, durationMs: performance.now() - started });
      }
    };
    const noteFailure = (error: unknown, attempt: number): void => {
      const failed = error instanceof ModelCallError ? error.attempts.at(-1) : undefined;
      attempts.push({
        attempt,
        ok: false,
        ...(error instanceof ModelCallError && error.status !== undefined ? { status: error.status } : {}),
        error: failed?.error ?? (error as Error).name,
        durationMs: performance.now() - started,
      });
    };
    // Our own delay (p-retry's is 0): the server's retry-after wins over exponential backoff.
    const waitBeforeRetry = async (error: unknown, attempt: number): Promise<boolean> => {
      if (!(error instanceof ModelCallError) || !error.retryable) return false;
      const computed = Math.min(maxDelay, base * factor ** (attempt - 1));
      const jittered = computed * (1 - jitter) + computed * jitter * random();
      const delay = Math.min(maxDelay, retryAfterMs(error.headers) ?? jittered);
      const last = attempts.at(-1);
      if (last) last.delayMs = delay;
      await sleep(delay, request.signal);
      return true;
    };
    try {
      // The first try runs outside p-retry: almost every call succeeds at once, and p-retry's set-up
      // costs more than the rest of the stack.
      try {
        return await run(1);
      } catch (error) {
        noteFailure(error, 1);
        if (maxAttempts <= 1 || !(await waitBeforeRetry(error, 1))) throw error;
      }
      return await pRetry((n) => run(n + 1), {
        retries: maxAttempts - 2,
        minTimeout: 0,
        maxTimeout: 0,
        randomize: false,
        ...(request.signal ? { signal: request.signal } : {}),
        onFailedAttempt: ({ error, attemptNumber }) => noteFailure(error, attemptNumber + 1),
        shouldRetry: ({ error, attemptNumber }) => waitBeforeRetry(error, attemptNumber + 1),
      });
    } catch (error) {
      if (request.signal?.aborted && !(error instanceof AbortedError)) throw new AbortedError('call aborted', { cause: error });
      if (error instanceof ModelCallError) error.attempts = attempts;
      throw error;
    }
  });
}
