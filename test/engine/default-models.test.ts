import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { defaultModelBuilder } from '../../src/engine/default-models.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { SharedModels } from '../../src/engine/shared-models.js';
import { gameRegistry } from '../../src/games/registry.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-models-'));
const config = (seed: number, cache: string | false) =>
  validateConfig({ game: 'prisoners-dilemma', params: { rounds: 3 }, seed, agents: [{ id: 'a', role: 'generic-agent', policy: { model: 'default' } }, { id: 'b', role: 'generic-agent', policy: { model: 'default' } }], models: { cache } });
const actions = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).payoffs as Record<string, number>;

describe('defaultModelBuilder', () => {
  it('keeps seeds apart in a shared disk cache: a cached run plays as the uncached one', async () => {
    const cache = join(tmp(), 'cache');
    const dir = tmp();
    const cached: unknown[] = [];
    const plain: unknown[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      await runExperiment({ config: config(seed, cache), out: join(dir, `c${seed}`), games: gameRegistry, buildModel: defaultModelBuilder() });
      await runExperiment({ config: config(seed, false), out: join(dir, `p${seed}`), games: gameRegistry, buildModel: defaultModelBuilder() });
      cached.push(actions(join(dir, `c${seed}`)));
      plain.push(actions(join(dir, `p${seed}`)));
    }
    expect(cached).toEqual(plain);
    // And the cache is used: the same seed again is all hits.
    const again = await runExperiment({ config: config(3, cache), out: join(dir, 'again'), games: gameRegistry, buildModel: defaultModelBuilder() });
    expect(again.usage.cacheHits).toBe(again.usage.calls);
  });

  it('counts every run that shares models in one ledger, and stops them all at its budget', async () => {
    const shared = new SharedModels({ maxTokens: 250 });
    const dir = tmp();
    const first = await runExperiment({ config: config(1, false), out: join(dir, 'a'), games: gameRegistry, buildModel: defaultModelBuilder({ shared }) });
    expect(shared.ledger.total.calls).toBe(first.usage.calls);
    const results = [first];
    for (let seed = 2; seed <= 6 && results.at(-1)!.status === 'completed'; seed++) {
      results.push(await runExperiment({ config: config(seed, false), out: join(dir, `s${seed}`), games: gameRegistry, buildModel: defaultModelBuilder({ shared }) }));
    }
    const stopped = results.at(-1)!;
    expect(stopped.status).toBe('stopped');
    expect(stopped.reason).toMatch(/^sweep tokens budget exceeded/);
    expect(shared.ledger.tokens).toBe(results.reduce((s, r) => s + r.usage.inputTokens + r.usage.outputTokens, 0));
  });
});
