// `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS) as ioredis connection options, for
// BullMQ and for the sweep's own counters. Bad URLs are a usage error naming the option.
import type { RedisOptions } from 'ioredis';
import { ConfigError } from '../../core/errors/config-error.js';

export function redisOptions(url: string, option = '--queue'): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw ConfigError.at(option, `expected a Redis URL such as redis://127.0.0.1:6379, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw ConfigError.at(option, `expected a redis:// or rediss:// URL, got ${JSON.stringify(url)}`);
  const db = parsed.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw ConfigError.at(option, `the path of a Redis URL is a database number, got ${JSON.stringify(db)}`);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ workers block on Redis; a command waits for a reconnect instead of failing after N retries.
    maxRetriesPerRequest: null,
  };
}
