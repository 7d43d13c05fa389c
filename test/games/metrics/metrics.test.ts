import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { cooperationRate, gini, giniShifted, mean, welfare } from '../../../src/games/metrics/index.js';
import { parseGameParams } from '../../../src/games/parse-game-params.js';

// Textbook values: Gini = Σ_i Σ_j |x_i − x_j| / (2 n² μ) (e.g. Cowell, "Measuring Inequality", 3rd ed., §2.2).
describe('gini', () => {
  it.each([
    { values: [1, 1, 1, 1], expected: 0 },
    { values: [0, 0, 0, 1], expected: 0.75 }, // one holder of everything: (n−1)/n
    { values: [1, 2, 3, 4, 5], expected: 40 / 150 }, // Σ|xi−xj| = 40, 2·25·3 = 150
    { values: [3, 1, 2], expected: 8 / 36 }, // Σ|xi−xj| = 8, 2·9·2 = 36
    { values: [10, 0], expected: 0.5 },
    { values: [], expected: 0 },
    { values: [0, 0], expected: 0 },
  ])('$values -> $expected', ({ values, expected }) => {
    expect(gini(values)).toBeCloseTo(expected, 12);
  });

  it('agrees with the pairwise definition on arbitrary data', () => {
    const xs = [4.5, 0, 7, 7, 1.25, 30];
    let pairs = 0;
    for (const a of xs) for (const b of xs) pairs += Math.abs(a - b);
    const expected = pairs / (2 * xs.length ** 2 * mean(xs));
    expect(gini(xs)).toBeCloseTo(expected, 12);
  });

  it('rejects negative values; giniShifted shifts them to start at 0', () => {
    expect(() => gini([-1, 2])).toThrow(RangeError);
    expect(giniShifted([-1, 0, 1, 2, 3])).toBeCloseTo(gini([0, 1, 2, 3, 4]), 12);
  });
});

describe('mean, welfare, cooperationRate', () => {
  it('computes the plain definitions', () => {
    expect(mean([2, 4, 9])).toBe(5);
    expect(mean([])).toBe(0);
    expect(welfare([2, 4, 9])).toBe(15);
    expect(welfare([])).toBe(0);
    expect(cooperationRate([true, false, true, true])).toBe(0.75);
    expect(cooperationRate([])).toBe(0);
  });
});

describe('parseGameParams', () => {
  const schema = z.object({ multiplier: z.number().positive().default(2), rounds: z.number().int().default(3) });

  it('fills defaults', () => {
    expect(parseGameParams(schema, undefined)).toEqual({ multiplier: 2, rounds: 3 });
  });

  it('names the offending param path in a ConfigError', () => {
    let error: unknown;
    try {
      parseGameParams(schema, { multiplier: -1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues[0]?.path).toBe('params.multiplier');
    expect((error as ConfigError).message).toContain('params.multiplier');
  });
});
