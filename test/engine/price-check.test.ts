import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnpricedModelError } from '../../src/core/errors/unpriced-model-error.js';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { defaultModelBuilder } from '../../src/engine/default-models.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { specIdentity, unpricedModels } from '../../src/engine/price-check.js';
import { gameRegistry } from '../../src/games/registry.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-price-'));
const config = (extra: Record<string, unknown>) =>
  validateConfig({
    game: 'prisoners-dilemma',
    params: { rounds: 2 },
    agents: [{ id: 'alice', role: 'generic-agent', policy: { model: 'openai-compatible:my-llm@http://127.0.0.1:9/v1' } }, { id: 'bob', policy: { strategy: 'tit-for-tat' } }],
    models: { maxAttempts: 1 },
    ...extra,
  });

describe('dollar budgets need prices', () => {
  it('refuses to start a run whose dollar budget covers a model without a price, naming it and models.prices', async () => {
    const out = join(tmp(), 'run');
    const error = await runExperiment({ config: config({ budget: { dollars: 2 } }), out, games: gameRegistry, buildModel: defaultModelBuilder() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnpricedModelError);
    expect(error).toMatchObject({ code: 'config_invalid', models: ['openai-compatible:my-llm'], budget: 2, path: 'models.prices' });
    expect((error as Error).message).toContain('models: { prices: { "openai-compatible:my-llm": { input:');
    expect(existsSync(join(out, 'trace.jsonl'))).toBe(false);
  });

  it('starts once a price is given, and without a dollar budget', async () => {
    const priced = config({ budget: { dollars: 2 }, models: { maxAttempts: 1, prices: { 'openai-compatible:my-llm': { input: 0.1, output: 0.2 } } } });
    // Nothing listens on port 9: the run starts, then fails on its first call.
    const run = await runExperiment({ config: priced, out: join(tmp(), 'a'), games: gameRegistry, buildModel: defaultModelBuilder() });
    expect(run.status).toBe('failed');
    const unbudgeted = await runExperiment({ config: config({}), out: join(tmp(), 'b'), games: gameRegistry, buildModel: defaultModelBuilder() });
    expect(unbudgeted.status).toBe('failed');
  });

  it('treats offline and local models as free and reads the built-in price table', () => {
    const c = config({});
    expect(unpricedModels(c, ['scripted:random', 'local:./m.gguf', 'openai:gpt-4o-mini', 'openai:gpt-4o-mini-2024-07-18', 'anthropic:claude-unknown'].map(specIdentity))).toEqual(['anthropic:claude-unknown']);
    expect(specIdentity('openai-compatible:qwen@http://h:8000/v1')).toEqual({ provider: 'openai-compatible', modelId: 'qwen' });
  });
});
