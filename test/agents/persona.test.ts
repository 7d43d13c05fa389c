import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { personaSchema, renderPersona } from '../../src/agents/persona.js';
import { samplePersonas, sampleFrom } from '../../src/agents/persona-sampler.js';
import { personaAgreement } from '../../src/agents/persona-drift.js';

describe('personas', () => {
  it('render as second-person prose', () => {
    const p = personaSchema.parse({ name: 'Ada', age: 41, sex: 'female', occupation: 'engineer', income: 98000, traits: ['curious', 'blunt'], values: ['honesty'], text: 'You grew up in Lyon.' });
    expect(renderPersona(p)).toBe('You are Ada, 41 years old, female, working as an engineer. You earn about $98,000 a year. You are curious and blunt. You value honesty. You grew up in Lyon.');
  });

  it('are sampled from a table in proportion to the shares, reproducibly', () => {
    const config = { sampler: 'table' as const, rows: [{ share: 3, persona: { occupation: 'farmer', traits: [], values: [] } }, { share: 1, persona: { occupation: 'teacher', traits: [], values: [] } }] };
    const names = Array.from({ length: 4000 }, (_, i) => `a${i}`);
    const one = samplePersonas(config, names, Rng.fromSeed(5));
    const farmers = one.filter((p) => p.occupation === 'farmer').length / names.length;
    expect(farmers).toBeGreaterThan(0.72);
    expect(farmers).toBeLessThan(0.78);
    expect(samplePersonas(config, names, Rng.fromSeed(5))).toEqual(one);
    expect(one[7]!.name).toBe('a7');
  });

  it('draw a heavy-tailed income: Pareto median xm·2^(1/alpha), mean above the median', () => {
    const rng = Rng.fromSeed(1);
    const xs = Array.from({ length: 20000 }, () => sampleFrom({ kind: 'pareto', xm: 20000, alpha: 1.5 }, rng)).sort((a, b) => a - b);
    const median = xs[10000]!;
    expect(median / (20000 * Math.pow(2, 1 / 1.5))).toBeCloseTo(1, 1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeGreaterThan(median * 1.3);
    expect(xs[0]).toBeGreaterThanOrEqual(20000);
  });

  it('sample from distributions with bounded ages and distinct traits', () => {
    const people = samplePersonas(
      { sampler: 'distribution', age: { kind: 'normal', mean: 40, sd: 30 }, income: { kind: 'lognormal', mu: 10.5, sigma: 0.8 }, occupations: ['a', 'b'], traits: ['x', 'y', 'z'], traitsPerAgent: 2 },
      ['p', 'q', 'r', 's'],
      Rng.fromSeed(2),
    );
    for (const p of people) {
      expect(p.age).toBeGreaterThanOrEqual(0);
      expect(p.age).toBeLessThanOrEqual(130);
      expect(new Set(p.traits).size).toBe(2);
      expect(p.income).toBeGreaterThan(0);
    }
  });

  it('agreement scores a self-report field by field', () => {
    const p = personaSchema.parse({ name: 'Ada', age: 41, occupation: 'engineer', traits: ['curious', 'blunt'], values: ['honesty'] });
    expect(personaAgreement(p, { name: 'Ada', age: 42, occupation: 'Software engineer', traits: ['Curious', 'blunt'], values: ['honesty'] })).toBe(1);
    // name ok, age off, occupation off, half the traits, no values: (1 + 0 + 0 + 0.5 + 0) / 5
    expect(personaAgreement(p, { name: 'ada', age: 20, occupation: 'pilot', traits: ['curious'], values: [] })).toBeCloseTo(0.3);
  });
});
