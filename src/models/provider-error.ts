// Turns whatever a vendor SDK or fetch threw into a ModelCallError (status, headers, retryable), so the
// retry wrapper classifies one shape instead of knowing every SDK.
import { AbortedError } from '../core/errors/aborted-error.js';
import { ModelCallError } from '../core/errors/model-call-error.js';
import { PolisError } from '../core/errors/polis-error.js';
import type { ModelClient } from './model.js';
import { wrapModel } from './wrappers/wrap-model.js';

const retryableStatus = (status: number): boolean => status === 408 || status === 409 || status === 429 || status >= 500;
const networkCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
const networkNames = new Set(['APIConnectionError', 'APIConnectionTimeoutError', 'ConnectTimeoutError']);

/** True for network failures anywhere in the cause chain. */
export function isNetworkError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, name, message, constructor } = e as { code?: unknown; name?: string; message?: string; constructor?: { name?: string } };
    if (typeof code === 'string' && networkCodes.has(code)) return true;
    if ((name && networkNames.has(name)) || (constructor?.name && networkNames.has(constructor.name))) return true;
    if (e instanceof TypeError && /fetch failed|network|socket/i.test(message ?? '')) return true;
  }
  return false;
}

/** True when a status is 408, 409, 429 or 5xx. */
export function isRetryableStatus(status: number | undefined): boolean {
  return status !== undefined && retryableStatus(status);
}

function headersOf(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  if (typeof (raw as Headers).forEach === 'function' && typeof (raw as Headers).get === 'function') {
    (raw as Headers).forEach((value, key) => {
      out[key.toLowerCase()] = value;
    });
  } else if (typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (v !== undefined) out[k.toLowerCase()] = String(v);
  }
  return out;
}

/**
 * Wraps a thrown value as a ModelCallError (one failed attempt). Polis errors pass through; an abort
 * (the caller's signal, or the SDK's user-abort error) becomes an AbortedError.
 */
export function toModelCallError(
  error: unknown,
  where: { provider: string; modelId: string; signal?: AbortSignal | undefined; durationMs?: number },
): PolisError {
  if (error instanceof PolisError) return error;
  const e = error as { status?: unknown; headers?: unknown; name?: string; constructor?: { name?: string }; message?: string };
  const className = e?.constructor?.name ?? e?.name ?? 'Error';
  if (where.signal?.aborted || className === 'APIUserAbortError' || e?.name === 'AbortError') {
    return new AbortedError(`${where.provider}:${where.modelId} call aborted`, { cause: error });
  }
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const network = status === undefined && isNetworkError(error);
  // A 200 whose body cannot be read (malformed or empty JSON) is a server fault like a 5xx: retried.
  const unreadable = error instanceof SyntaxError;
  const message = unreadable ? `malformed response body: ${error.message}` : (e?.message ?? String(error));
  return new ModelCallError(
    message,
    {
      provider: where.provider,
      modelId: where.modelId,
      ...(status === undefined ? {} : { status }),
      headers: headersOf(e?.headers),
      retryable: network || unreadable || isRetryableStatus(status),
      attempts: [
        {
          attempt: 1,
          ok: false,
          ...(status === undefined ? {} : { status }),
          error: className,
          ...(where.durationMs === undefined ? {} : { durationMs: where.durationMs }),
        },
      ],
    },
    { cause: error },
  );
}

/**
 * `client` with every failure of its `generate` (a synchronous throw or a rejection, of any type) turned
 * into a classified PolisError, so a broken backend (a local model with NaN weights, a custom client)
 * fails its call like a provider error instead of escaping the run.
 */
export function withClassifiedErrors(client: ModelClient): ModelClient {
  const where = { provider: client.provider, modelId: client.modelId };
  return wrapModel(client, async (request) => {
    const started = performance.now();
    try {
      return await client.generate(request);
    } catch (error) {
      throw toModelCallError(error, { ...where, signal: request.signal, durationMs: performance.now() - started });
    }
  });
}
