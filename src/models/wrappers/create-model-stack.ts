// The one composition order of the wrappers. See src/models/README.md for the reasoning.
import type { ModelClient } from '../model.js';
import { type CacheOptions, withCache } from './with-cache.js';
import { type PacingOptions, withPacing } from './with-pacing.js';
import { type RecordingOptions, withRecording } from './with-recording.js';
import { type RetryOptions, withRetry } from './with-retry.js';
import { type StructuredOutputOptions, withStructuredOutput } from './with-structured-output.js';
import type { UsageLedger } from './usage-ledger.js';
import { type UsageOptions, withUsage } from './with-usage.js';

/** Options of each layer; `false` (or leaving `recording` / `cache` out) removes a layer. */
export interface ModelStackOptions {
  /** @default { maxRepairs: 2 } */
  structuredOutput?: StructuredOutputOptions | false;
  /** Omitted: no recording. */
  recording?: RecordingOptions;
  /** @default {} (a new ledger, default prices, no budget) */
  usage?: UsageOptions | false;
  /** Omitted: no cache. */
  cache?: CacheOptions | false;
  /** @default {} (4 attempts) */
  retry?: RetryOptions | false;
  /** @default {} (concurrency 8, no rate limits) */
  pacing?: PacingOptions | false;
}

/**
 * Wraps an adapter in the standard order, outermost first:
 *
 *   structured output (repair) -> recording -> usage/cost -> cache -> retry -> pacing -> adapter
 *
 * - Repair is outermost so every repair attempt is a separate call below it: its own position, its own
 *   record, its own cache entry and its own cost.
 * - Recording sits above usage so each record carries its cost, and above cache so cache hits are
 *   recorded too (a trace lists every answer the run used).
 * - Usage sits above cache so hits are seen (and cost 0), and budgets stop a call before the cache,
 *   retry or provider is touched.
 * - Cache sits above retry: only the final success is stored; a failure is never cached.
 * - Retry sits above pacing so every retry attempt waits for its own slot and rate budget, and pacing
 *   sees each 429 (to halve its concurrency).
 */
export function createModelStack(adapter: ModelClient, options: ModelStackOptions = {}): ModelClient & { ledger?: UsageLedger } {
  let client = adapter;
  if (options.pacing !== false) client = withPacing(client, options.pacing ?? {});
  if (options.retry !== false) client = withRetry(client, options.retry ?? {});
  if (options.cache) client = withCache(client, options.cache);
  let ledger: UsageLedger | undefined;
  if (options.usage !== false) {
    const usage = withUsage(client, options.usage ?? {});
    ledger = usage.ledger;
    client = usage;
  }
  if (options.recording) client = withRecording(client, options.recording);
  if (options.structuredOutput !== false) client = withStructuredOutput(client, options.structuredOutput ?? {});
  return ledger ? Object.assign(client, { ledger }) : client;
}
