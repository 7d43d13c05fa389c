// Content-addressed response cache. The key is the canonical request hash (which includes the replicate
// index and the call position, so round 8 never gets round 7's answer) plus provider and model.
// Identical calls in flight at once share one request; failures are never stored.
import { sha256 } from '../../core/hash.js';
import type { ModelClient, ModelRequest, ModelResponse } from '../model.js';
import { wrapModel } from './wrap-model.js';
import { requestHash } from '../request-hash.js';
import { type CacheStore, DiskCacheStore, MemoryCacheStore } from './cache-store.js';

export interface CacheOptions {
  /** A directory for an on-disk cache, or a store. @default an in-memory store */
  store?: string | CacheStore;
  /**
   * Mixed into every key, so answers never cross namespaces. Runs pass their root seed: two seeds asking
   * the same question are separate samples, and a seeded model must not be served another seed's answer.
   * @default none (the key is the request alone)
   */
  namespace?: string;
}

/** The cache key of a request to `client`. */
export function cacheKey(client: Pick<ModelClient, 'provider' | 'modelId'>, request: ModelRequest, namespace?: string): string {
  const ns = namespace === undefined ? '' : `${namespace}\u0000`;
  return sha256(`${client.provider}\u0000${client.modelId}\u0000${ns}${requestHash(request)}`);
}

/** Caches `client`'s answers; `response.cache` says `hit`, `miss` or `shared`. */
export function withCache(client: ModelClient, options: CacheOptions = {}): ModelClient {
  const store =
    typeof options.store === 'string' ? new DiskCacheStore(options.store) : (options.store ?? new MemoryCacheStore());
  const inFlight = new Map<string, Promise<ModelResponse>>();
  return wrapModel(client, async <T>(request: ModelRequest<T>): Promise<ModelResponse<T>> => {
    const key = cacheKey(client, request as ModelRequest, options.namespace);
    const pending = inFlight.get(key);
    if (pending) return { ...((await pending) as ModelResponse<T>), cache: 'shared' };
    const call = (async (): Promise<ModelResponse> => {
      const hit = await store.get(key);
      if (hit) return { ...hit, cache: 'hit', attempts: [] };
      const response = await client.generate(request as ModelRequest);
      await store.set(key, { ...response, cache: 'miss' });
      return { ...response, cache: 'miss' };
    })();
    inFlight.set(key, call);
    try {
      return (await call) as ModelResponse<T>;
    } finally {
      inFlight.delete(key);
    }
  });
}
