import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { FALLBACK_PERSONAS, sampleFallbackPersonas, sampleTablePersona } from '../../../src/games/economist/index.js';

describe('fallback personas', () => {
  it('carry the reference shares 7,6,4,4,6,8,9,7,6,6,9,8,10 %', () => {
    expect(FALLBACK_PERSONAS.map((p) => p.share)).toEqual([7, 6, 4, 4, 6, 8, 9, 7, 6, 6, 9, 8, 10]);
  });
  it('are drawn in proportion to their shares (which sum to 90, so each is share/90)', () => {
    const n = 18_000;
    const counts = new Array<number>(13).fill(0);
    for (const i of sampleFallbackPersonas(n, Rng.fromSeed(4))) counts[i]! += 1;
    FALLBACK_PERSONAS.forEach((p, i) => expect(Math.abs(counts[i]! / n - p.share / 90)).toBeLessThan(0.01));
  });
  it('table personas are short second-person texts, the same for the same seed', () => {
    expect(sampleTablePersona(Rng.fromSeed(1))).toMatch(/^You are a (woman|man) aged [\d-]+ working as an? /);
    expect(sampleTablePersona(Rng.fromSeed(1))).toBe(sampleTablePersona(Rng.fromSeed(1)));
    const texts = Array.from({ length: 200 }, (_, s) => sampleTablePersona(Rng.fromSeed(s)));
    expect(texts.filter((t) => / a [aeiou]/.test(t))).toEqual([]);
  });
});
