// Provider rate limits across workers: pacing's sliding window (src/models/wrappers/with-pacing.ts) kept
// in Redis, one per provider+model key, so every worker's calls to one model count against one limit.
// A sorted set holds each admission by its start (Redis server time, the one clock every worker shares)
// and a hash its tokens; a Lua script drops what left the window, admits if one more fits, or answers how
// long to wait. Same caps as the in-process window: the per-minute limits prorated to `windowMs` plus a
// margin of windowMs / 40.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { defaultSleep } from '../../models/sleep.js';
import type { Admission, RateWindow } from '../../models/wrappers/with-pacing.js';
import { KEY_PREFIX } from './cell-job.js';

// KEYS: the sorted set of admissions, the hash of their tokens.
// ARGV: window ms, request cap, token cap (-1: none), tokens, id. Returns {1, now} or {0, ms to wait}.
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - window)
for _, id in ipairs(gone) do redis.call('HDEL', KEYS[2], id) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
local used = 0
for _, v in ipairs(redis.call('HVALS', KEYS[2])) do used = used + tonumber(v) end
local tokenCap = tonumber(ARGV[3])
if n + 1 <= tonumber(ARGV[2]) and (n == 0 or tokenCap < 0 or used + tonumber(ARGV[4]) <= tokenCap) then
  redis.call('ZADD', KEYS[1], now, ARGV[5])
  redis.call('HSET', KEYS[2], ARGV[5], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window * 2)
  redis.call('PEXPIRE', KEYS[2], window * 2)
  return {1, now}
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.max(1, tonumber(first[2]) + window - now)}
`;

// KEYS: the hash of tokens. ARGV: id, actual tokens. Charges an admission still in the window.
const CORRECT = `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end return 0`;

export interface RedisRateWindowOptions {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /** @default 1000 */
  windowMs?: number;
}

export class RedisRateWindow implements RateWindow {
  private readonly zset: string;
  private readonly tokensKey: string;
  private readonly windowMs: number;
  private readonly requestCap: number;
  private readonly tokenCap: number;

  constructor(
    private readonly redis: Redis,
    key: string,
    options: RedisRateWindowOptions,
  ) {
    this.zset = `${KEY_PREFIX}:rate:${key}:admissions`;
    this.tokensKey = `${KEY_PREFIX}:rate:${key}:tokens`;
    const base = options.windowMs ?? 1000;
    this.windowMs = base + base / 40;
    this.requestCap = options.requestsPerMinute === undefined ? Number.MAX_SAFE_INTEGER : Math.max(1, Math.floor((options.requestsPerMinute * this.windowMs) / 60_000));
    this.tokenCap = options.tokensPerMinute === undefined ? -1 : (options.tokensPerMinute * this.windowMs) / 60_000;
  }

  async admit(tokens: number, signal?: AbortSignal): Promise<Admission> {
    const id = randomUUID();
    for (;;) {
      const [ok, value] = (await this.redis.eval(ADMIT, 2, this.zset, this.tokensKey, this.windowMs, this.requestCap, this.tokenCap, tokens, id)) as [number, number];
      if (ok === 1) return { at: value, tokens, id };
      await defaultSleep(value, signal);
    }
  }

  correctTokens(admission: Admission, actual: number): void {
    admission.tokens = actual;
    if (admission.id) this.redis.eval(CORRECT, 1, this.tokensKey, admission.id, actual).catch(() => undefined);
  }

  release(admission: Admission): void {
    if (!admission.id) return;
    this.redis.multi().zrem(this.zset, admission.id).hdel(this.tokensKey, admission.id).exec().catch(() => undefined);
  }
}
