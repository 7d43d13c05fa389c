// Worker personas (spec 1.3). The 13 fallback personas with the reference's population shares, in our own
// words, and a small occupation × sex × age table for persona sampling. The table is ILLUSTRATIVE: written for
// Polis, not derived from the ACS data of the reference.
import type { Rng } from '../../core/rng.js';

export interface EconomistPersona {
  key: string;
  /** Share of the population, percent. */
  share: number;
  text: string;
}

/** Shares 7,6,4,4,6,8,9,7,6,6,9,8,10 % (spec 1.3). */
export const FALLBACK_PERSONAS: readonly EconomistPersona[] = [
  { key: 'teacher', share: 7, text: 'You teach at a public middle school, care about fairness, and budget carefully.' },
  { key: 'nurse', share: 6, text: 'You are a hospital nurse who works long shifts and values stability for your family.' },
  { key: 'engineer', share: 4, text: 'You are a software engineer, well paid, ambitious, and sceptical of high taxes.' },
  { key: 'small-business', share: 4, text: 'You run a small shop; your income swings from month to month and you watch every cost.' },
  { key: 'retail', share: 6, text: 'You work in retail on an hourly wage and would take extra hours when they pay off.' },
  { key: 'trades', share: 8, text: 'You are an electrician who takes pride in skilled work and wants effort rewarded.' },
  { key: 'office', share: 9, text: 'You are an office administrator who prefers a predictable schedule and steady pay.' },
  { key: 'driver', share: 7, text: 'You drive deliveries; more hours mean more money but also more fatigue.' },
  { key: 'student', share: 6, text: 'You are a part-time student who works to pay tuition and values free time for study.' },
  { key: 'retiree', share: 6, text: 'You are semi-retired, work a few hours by choice, and care about public services.' },
  { key: 'manager', share: 9, text: 'You are a mid-level manager balancing career growth against time with your children.' },
  { key: 'healthcare-aide', share: 8, text: 'You are a home-care aide on modest pay who relies on community support.' },
  { key: 'service', share: 10, text: 'You work in a restaurant kitchen; tips and overtime make a real difference to you.' },
];

/** Illustrative rows: occupation, sex, age bucket, relative weight. */
export const OCCUPATION_TABLE: ReadonlyArray<{ occupation: string; sex: 'female' | 'male'; age: string; weight: number }> = [
  { occupation: 'registered nurse', sex: 'female', age: '25-34', weight: 5 },
  { occupation: 'registered nurse', sex: 'male', age: '35-44', weight: 1 },
  { occupation: 'software developer', sex: 'male', age: '25-34', weight: 4 },
  { occupation: 'software developer', sex: 'female', age: '35-44', weight: 1 },
  { occupation: 'cashier', sex: 'female', age: '18-24', weight: 5 },
  { occupation: 'cashier', sex: 'male', age: '18-24', weight: 3 },
  { occupation: 'truck driver', sex: 'male', age: '45-54', weight: 4 },
  { occupation: 'elementary teacher', sex: 'female', age: '35-44', weight: 4 },
  { occupation: 'construction laborer', sex: 'male', age: '25-34', weight: 4 },
  { occupation: 'accountant', sex: 'female', age: '45-54', weight: 2 },
  { occupation: 'cook', sex: 'male', age: '18-24', weight: 3 },
  { occupation: 'retail supervisor', sex: 'female', age: '55-64', weight: 2 },
  { occupation: 'physician', sex: 'male', age: '55-64', weight: 1 },
  { occupation: 'home health aide', sex: 'female', age: '65-74', weight: 2 },
];

/** Persona indices into FALLBACK_PERSONAS, drawn with the reference shares. */
export function sampleFallbackPersonas(n: number, rng: Rng): number[] {
  const shares = FALLBACK_PERSONAS.map((p) => p.share);
  return Array.from({ length: n }, () => rng.weighted(shares));
}

/** A short second-person persona from the illustrative table. */
export function sampleTablePersona(rng: Rng): string {
  const row = OCCUPATION_TABLE[rng.weighted(OCCUPATION_TABLE.map((r) => r.weight))]!;
  return `You are a ${row.sex === 'female' ? 'woman' : 'man'} aged ${row.age} working as ${/^[aeiou]/i.test(row.occupation) ? 'an' : 'a'} ${row.occupation}.`;
}
