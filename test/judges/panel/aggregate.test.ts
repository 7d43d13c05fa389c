import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { aggregateDimensions, aggregateScores } from '../../../src/judges/panel/aggregate.js';
import { assertJudgeFamiliesDiffer, modelFamily } from '../../../src/judges/panel/model-family.js';

describe('aggregation', () => {
  it('mean, min, majority', () => {
    expect(aggregateScores([1, 0, 1], 'majority')).toBe(1);
    expect(aggregateScores([1, 0], 'majority')).toBe(0); // a split YES/NO panel says NO
    expect(aggregateScores([3, 7, 5], 'mean')).toBe(5);
    expect(aggregateScores([3, 7, 5], 'min')).toBe(3);
  });
  it('per dimension', () => {
    expect(aggregateDimensions([{ goal: 4, secret: -2 }, { goal: 8, secret: 0 }], 'mean')).toEqual({ goal: 6, secret: -1 });
  });
});

describe('model families', () => {
  it.each([
    ['openai', 'gpt-4o-mini', 'gpt'],
    ['openai', 'o3-mini', 'gpt'],
    ['anthropic', 'claude-3-5-sonnet-latest', 'claude'],
    ['langchain', 'meta-llama/Llama-3.1-8B-Instruct', 'llama'],
    ['local', 'Qwen2.5-7B-Instruct-Q4_K_M.gguf', 'qwen'],
    ['scripted', 'yes', 'scripted:yes'],
  ])('%s:%s → %s', (provider, model, family) => {
    expect(modelFamily(provider, model)).toBe(family);
  });

  it('rejects a judge of the agents’ family, naming the judge and its config path', () => {
    const run = () =>
      assertJudgeFamiliesDiffer(
        [
          { name: 'fair', provider: 'anthropic', modelId: 'claude-3-5-haiku', path: 'judges[0].model' },
          { name: 'self', provider: 'openai', modelId: 'gpt-4o', path: 'judges[1].model' },
        ],
        [{ name: 'alice', provider: 'openai', modelId: 'gpt-4o-mini' }],
      );
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/judges\[1\]\.model: judge "self".*family gpt.*agent "alice"/);
    try {
      run();
    } catch (e) {
      expect((e as ConfigError).issues).toHaveLength(1);
    }
  });
});
