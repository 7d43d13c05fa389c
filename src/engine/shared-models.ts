// What several runs in one process share when they build models through `defaultModelBuilder`: the part
// of each stack below usage (cache, retry, pacing, adapter), so in-flight identical calls are asked once
// and one cache store serves them all, and a ledger with its own token and dollar budget over every run.
// A sweep builds one of these; each cell still gets its own recording and its own run ledger.
import type { ModelClient } from '../models/model.js';
import type { ModelPrice } from '../models/prices.js';
import { DiskCacheStore, type CacheStore } from '../models/wrappers/cache-store.js';
import type { RateWindow } from '../models/wrappers/with-pacing.js';
import { UsageLedger } from '../models/wrappers/usage-ledger.js';
import { withUsage } from '../models/wrappers/with-usage.js';

export interface SharedModelsOptions {
  /** Most input+output tokens over all runs that share these models. @default unlimited */
  maxTokens?: number;
  /** Most US dollars over all runs that share these models. @default unlimited */
  maxDollars?: number;
  /**
   * The rate window of each provider+model key with rate limits (pacing's sliding window). @default
   * pacing's in-process window. Queue workers give one shared through Redis.
   */
  rateWindow?: (key: string, limits: { requestsPerMinute?: number; tokensPerMinute?: number; windowMs: number }) => RateWindow;
}

export class SharedModels {
  /** Every call of every run that shares these models (cache hits count as calls, not as tokens). */
  readonly ledger = new UsageLedger();
  private readonly stacks = new Map<string, ModelClient>();
  private readonly stores = new Map<string, CacheStore>();

  constructor(readonly options: SharedModelsOptions = {}) {}

  /** The lower stack for `key` (spec, seed and settings), built by `build` on first use. */
  lowerStack(key: string, build: () => ModelClient): ModelClient {
    let client = this.stacks.get(key);
    if (!client) {
      client = build();
      this.stacks.set(key, client);
    }
    return client;
  }

  /** One store per cache directory. */
  cacheStore(dir: string): CacheStore {
    let store = this.stores.get(dir);
    if (!store) {
      store = new DiskCacheStore(dir);
      this.stores.set(dir, store);
    }
    return store;
  }

  /**
   * The shared usage layer over a lower stack: every call lands in `ledger`, and the sweep's token and
   * dollar budget stops a call before it starts. Queue workers extend it with a budget counted in Redis.
   */
  usageLayer(client: ModelClient, prices: Record<string, ModelPrice> | undefined): ModelClient {
    return withUsage(client, {
      ledger: this.ledger,
      scope: 'sweep',
      ...(prices ? { prices } : {}),
      ...(this.options.maxTokens ? { maxTokens: this.options.maxTokens } : {}),
      ...(this.options.maxDollars ? { maxDollars: this.options.maxDollars } : {}),
    });
  }

  /**
   * Counts tokens and dollars spent before these models existed (cells finished by an earlier process),
   * so the budget covers them too. Recorded as one entry under `earlier:runs`.
   */
  addEarlierUsage(usage: { inputTokens: number; outputTokens: number; costUsd: number }): void {
    if (!usage.inputTokens && !usage.outputTokens && !usage.costUsd) return;
    this.ledger.record({ provider: 'earlier', modelId: 'runs', usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cachedInputTokens: 0, reasoningTokens: 0 }, cost: usage.costUsd, cached: false });
  }
}
