// The planner's DELTA rules (spec 1.2): fraction ×100, clip to ±20, round to tens, flip at the bounds.
import { describe, expect, it } from 'vitest';
import { applyDelta, effectiveDelta } from '../../../src/games/economist/index.js';

describe('effectiveDelta', () => {
  it.each([
    // rate, requested, applied, why
    [50, 10, 10, 'a multiple of 10 passes'],
    [50, 15, 20, 'rounded to the nearest ten (halves away from zero)'],
    [50, -15, -20, 'negative halves away from zero too'],
    [50, 4, 0, 'small steps round to nothing'],
    [50, 37, 20, 'clipped to +20'],
    [50, -99, -20, 'clipped to −20'],
    [50, 0.2, 20, '|Δ| < 1 is a fraction: 0.2 → 20'],
    [50, -0.05, -10, '−0.05 → −5 → −10'],
    [90, 20, -20, 'flipped: 110 would leave [0, 100]'],
    [5, -10, 10, 'flipped: −5 would leave [0, 100]'],
    [0, -20, 20, 'flipped at zero'],
    [100, 10, -10, 'flipped at 100'],
  ])('rate %s, DELTA %s → %s (%s)', (rate, d, expected) => expect(effectiveDelta(rate, d)).toBe(expected));
});

describe('applyDelta', () => {
  it('applies per bracket', () => expect(applyDelta([50, 50, 95], [10, -0.1, 10])).toEqual([60, 40, 85]));
  it('rejects a DELTA of the wrong length', () => expect(() => applyDelta([50, 50, 50], [10, 10])).toThrow(/2 entries; expected 3/));
});
