// Worker personas (spec 1.3): the 13 fallback personas with the reference's population shares (texts in our own
// words), or draws from the occupation × sex × age table (occupation-table.ts), or none.
import type { Rng } from '../../core/rng.js';
import { describeOccupationPersona, sampleOccupationPersona } from './occupation-table.js';

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

/** Persona indices into FALLBACK_PERSONAS, drawn with the reference shares. */
export function sampleFallbackPersonas(n: number, rng: Rng): number[] {
  const shares = FALLBACK_PERSONAS.map((p) => p.share);
  return Array.from({ length: n }, () => rng.weighted(shares));
}

/**
 * Where worker personas come from: `table` draws occupation × sex × age from the reference table
 * (occupation-table.ts), `fallback` the 13 fixed personas by share, `none` gives no persona (the reference's
 * `rational` scenario).
 */
export type PersonaSource = 'table' | 'fallback' | 'none';

/** One persona text per worker ('' for none), drawn with `rng`. */
export function sampleWorkerPersonas(n: number, source: PersonaSource, rng: Rng): string[] {
  if (source === 'none') return new Array<string>(n).fill('');
  if (source === 'fallback') return sampleFallbackPersonas(n, rng).map((i) => (FALLBACK_PERSONAS[i] as EconomistPersona).text);
  return Array.from({ length: n }, () => describeOccupationPersona(sampleOccupationPersona(rng)));
}
