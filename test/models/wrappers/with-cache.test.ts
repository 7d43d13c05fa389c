import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelRequest } from '../../../src/models/model.js';
import { ScriptedClient } from '../../../src/models/scripted/scripted-client.js';
import { DiskCacheStore } from '../../../src/models/wrappers/cache-store.js';
import { cacheKey, withCache } from '../../../src/models/wrappers/with-cache.js';

const counting = (latencyMs = 0) => new ScriptedClient({ respond: (_r, i) => `answer #${i}`, latencyMs });
const ask = (call: ModelRequest['call'] = {}): ModelRequest => ({ messages: [{ role: 'user', content: 'Cooperate or defect?' }], call });

describe('withCache', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('hits for the same request at the same position', async () => {
    const inner = counting();
    const cached = withCache(inner);
    const first = await cached.generate(ask({ agentId: 'a', turn: 7 }));
    const again = await cached.generate(ask({ agentId: 'a', turn: 7, runId: 'another-run' }));
    expect([first.cache, again.cache]).toEqual(['miss', 'hit']);
    expect(again.text).toBe(first.text);
    expect(inner.calls).toBe(1);
  });

  it('never collapses replicates, positions or turns', async () => {
    const inner = counting();
    const cached = withCache(inner);
    const calls = [{ turn: 7 }, { turn: 8 }, { turn: 7, replicate: 1 }, { turn: 7, replicate: 2 }, { turn: 7, position: 1 }, { turn: 7, purpose: 'judge' }];
    const answers = await Promise.all(calls.map((c) => cached.generate(ask({ agentId: 'a', ...c }))));
    expect(new Set(answers.map((a) => a.text)).size).toBe(calls.length);
    expect(answers.every((a) => a.cache === 'miss')).toBe(true);
  });

  it('shares one request among identical concurrent calls', async () => {
    const inner = counting(20);
    const cached = withCache(inner);
    const answers = await Promise.all(Array.from({ length: 5 }, () => cached.generate(ask({ agentId: 'a' }))));
    expect(inner.calls).toBe(1);
    expect(answers.map((a) => a.cache).sort()).toEqual(['miss', 'shared', 'shared', 'shared', 'shared']);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  });

  it('does not cache errors', async () => {
    const inner = new ScriptedClient({ fallback: 'fine', failures: [{ at: 0, error: new Error('provider down') }] });
    const cached = withCache(inner);
    await expect(cached.generate(ask())).rejects.toThrow('provider down');
    const next = await cached.generate(ask());
    expect(next).toMatchObject({ text: 'fine', cache: 'miss' });
  });

  it('persists on disk under a two-character fan-out and survives a new client', async () => {
    dir = await mkdtemp(join(tmpdir(), 'polis-cache-'));
    const first = counting();
    await withCache(first, { store: dir }).generate(ask({ agentId: 'a' }));
    const key = cacheKey(first, ask({ agentId: 'a' }));
    expect(await readdir(join(dir, key.slice(0, 2)))).toEqual([`${key}.json`]);
    const second = counting();
    const hit = await withCache(second, { store: new DiskCacheStore(dir) }).generate(ask({ agentId: 'a' }));
    expect(hit).toMatchObject({ cache: 'hit', text: 'answer #0', attempts: [] });
    expect(second.calls).toBe(0);
  });

  it('keys by provider and model too', () => {
    const a = new ScriptedClient({ fallback: 'x', modelId: 'one' });
    const b = new ScriptedClient({ fallback: 'x', modelId: 'two' });
    expect(cacheKey(a, ask())).not.toBe(cacheKey(b, ask()));
  });
});
