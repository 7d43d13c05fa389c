// Parameters: spec 10 defaults (2 rounds, 2 references), inline problems or the generator, clear errors.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { discussionDefinition, problemsOf } from '../../../src/games/discussion/definition.js';
import { parseGameParams } from '../../../src/games/parse-game-params.js';
import { Rng } from '../../../src/core/rng.js';

describe('discussion params', () => {
  it('defaults to CoMAS: 2 rounds, 2 references, math, two generated problems', () => {
    const params = parseGameParams(discussionDefinition, {});
    expect(params).toMatchObject({ rounds: 2, references: 2, domain: 'math' });
    const problems = problemsOf(params);
    expect(typeof problems === 'function' && problems(Rng.fromSeed(1))).toHaveLength(2);
  });

  it('takes inline problems, numbers as answers, and the game domain where a problem names none', () => {
    const params = parseGameParams(discussionDefinition, { domain: 'science', problems: [{ question: 'g?', answer: 9.81 }, { question: 'x?', domain: 'math' }] });
    expect(problemsOf(params)).toEqual([
      { question: 'g?', answer: '9.81', domain: 'science' },
      { question: 'x?', domain: 'math' },
    ]);
  });

  it('names the option in errors', () => {
    const bad = (input: unknown) => () => parseGameParams(discussionDefinition, input);
    expect(bad({ problems: [{ question: 'a' }], generate: { count: 1 } })).toThrow(/params\.generate: give either problems or generate/);
    expect(bad({ problems: [{ question: '' }] })).toThrow(/params\.problems\[0\]\.question/);
    expect(bad({ rounds: 0 })).toThrow(ConfigError);
  });

  it('seats three agents or more', () => {
    expect(discussionDefinition.agentCount(parseGameParams(discussionDefinition, {}))).toEqual({ min: 3, max: 64 });
  });
});
