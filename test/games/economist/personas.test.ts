import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import {
  AGE_BUCKETS,
  FALLBACK_PERSONAS,
  OCCUPATION_TABLE,
  describeOccupationPersona,
  sampleFallbackPersonas,
  sampleOccupationPersona,
  sampleWorkerPersonas,
} from '../../../src/games/economist/index.js';
import { runScripted } from '../../helpers/scripted-experiment.js';

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
});

/** The CSV as rows of [occupation, sex, counts]; quoted labels hold commas. */
function readCsv(): Array<[string, string, number[]]> {
  const lines = readFileSync(new URL('../../../data/economist/occupation_detailed_summary.csv', import.meta.url), 'utf8').trim().split('\n');
  expect(lines[0]).toBe('Occupation_Label,SEX_Label,Under 18,18-24,25-34,35-44,45-54,55-64,65-74,75+');
  return lines.slice(1).map((line) => {
    const m = /^(?:"([^"]*)"|([^,]*)),(Male|Female),(.*)$/.exec(line)!;
    return [m[1] ?? m[2]!, m[3]!.toLowerCase(), m[4]!.split(',').map(Number)];
  });
}

describe('the occupation × sex × age table (data/economist, from the reference repository)', () => {
  it('is embedded cell by cell as in the CSV', () => {
    expect(AGE_BUCKETS.map((b) => b.label)).toEqual(['Under 18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+']);
    expect(OCCUPATION_TABLE.map(([o, s, c]) => [o, s, [...c]])).toEqual(readCsv());
  });

  it('is sampled cell by count: occupation, sex and bucket shares match the table, ages inside their bucket', () => {
    const total = OCCUPATION_TABLE.reduce((s, [, , c]) => s + c.reduce((a, b) => a + b, 0), 0);
    // Hand totals from the CSV: management, men 5+180+1200+1500+1300+900+300+50 = 5435, women 3+120+900+1100+1000+700+200+30 = 4053;
    // women: column sums of the Female rows; 25-34 bucket: the 25-34 column.
    const management = 5435 + 4053;
    expect(management).toBe(OCCUPATION_TABLE.filter(([o]) => o === 'Management occupations').reduce((s, [, , c]) => s + c.reduce((a, b) => a + b, 0), 0));
    const female = OCCUPATION_TABLE.filter(([, s]) => s === 'female').reduce((s, [, , c]) => s + c.reduce((a, b) => a + b, 0), 0);
    const young = OCCUPATION_TABLE.reduce((s, [, , c]) => s + c[2]!, 0);
    const rng = Rng.fromSeed(11);
    const n = 20_000;
    let m = 0;
    let f = 0;
    let y = 0;
    for (let i = 0; i < n; i++) {
      const p = sampleOccupationPersona(rng);
      const bucket = AGE_BUCKETS.find((b) => b.label === p.bucket)!;
      expect(p.age).toBeGreaterThanOrEqual(bucket.min);
      expect(p.age).toBeLessThanOrEqual(bucket.max);
      if (p.occupation === 'Management occupations') m++;
      if (p.sex === 'female') f++;
      if (p.bucket === '25-34') y++;
    }
    // Binomial standard errors are below 0.0036 at n = 20,000; allow 4 of them.
    expect(Math.abs(m / n - management / total)).toBeLessThan(0.015);
    expect(Math.abs(f / n - female / total)).toBeLessThan(0.015);
    expect(Math.abs(y / n - young / total)).toBeLessThan(0.015);
  });

  it('reads as a short second-person persona', () => {
    expect(describeOccupationPersona({ occupation: 'Legal occupations', sex: 'female', age: 41, bucket: '35-44' })).toBe(
      'You are a 41-year-old woman whose job is in legal occupations.',
    );
  });
});

describe('worker personas inside the game, through the real engine', () => {
  const config = (personas: string) => ({
    game: 'llm-economist',
    seed: 7,
    params: { steps: 1, brackets: 'three', personas },
    agents: [{ id: 'planner', policy: { strategy: 'hold-planner' } }, { id: 'worker', count: 4 }],
  });
  const labor = () => ({ text: '{"LABOR": 40}' });
  // The engine gives the game Rng.fromSeed(seed).derive('game'); the game draws personas from .derive('personas').
  const expected = (source: 'table' | 'fallback') => sampleWorkerPersonas(4, source, Rng.fromSeed(7).derive('game').derive('personas'));

  it('table: each worker is shown its own occupation × sex × age persona, drawn with the run seed', async () => {
    const { prompts } = await runScripted(config('table'), labor);
    const texts = expected('table');
    expect(new Set(texts).size).toBeGreaterThan(1);
    texts.forEach((t, i) => {
      expect(t).toMatch(/^You are a \d+-year-old (woman|man) whose job is in /);
      expect(prompts.get(`worker-${i + 1}`)![0]).toContain(t);
      // ...and not another worker's (unless two drew the same cell and age).
      texts.forEach((other, j) => j !== i && other !== t && expect(prompts.get(`worker-${i + 1}`)![0]).not.toContain(other));
    });
  });

  it('fallback shows one of the 13 fixed personas; none shows no persona at all', async () => {
    const fallback = await runScripted(config('fallback'), labor);
    expected('fallback').forEach((t, i) => expect(fallback.prompts.get(`worker-${i + 1}`)![0]).toContain(t));
    const none = await runScripted(config('none'), labor);
    for (const [agent, list] of none.prompts) {
      expect(list[0], agent).not.toMatch(/whose job is in/);
      for (const p of FALLBACK_PERSONAS) expect(list[0], agent).not.toContain(p.text);
    }
  });
});
