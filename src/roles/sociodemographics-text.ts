// Sociodemographics (the debate study's personalisation fields, spec 8.2) as one line of prompt text.
import type { Sociodemographics } from '../games/debate/params.js';

/** `age 34, female, Hispanic, bachelor's degree, employed full-time, Democrat`-style prose; '' when empty. */
export function sociodemographicsText(s: Sociodemographics | undefined): string {
  if (!s) return '';
  const parts: string[] = [];
  if (s.age !== undefined) parts.push(`age ${s.age}`);
  if (s.gender) parts.push(`gender: ${s.gender}`);
  if (s.ethnicity) parts.push(`ethnicity: ${s.ethnicity}`);
  if (s.education) parts.push(`education: ${s.education}`);
  if (s.employment) parts.push(`employment: ${s.employment}`);
  if (s.politicalAffiliation) parts.push(`political affiliation: ${s.politicalAffiliation}`);
  return parts.join('; ');
}
