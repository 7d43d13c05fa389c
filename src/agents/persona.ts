// Personas: who an agent is. Rendered into prompts by roles; sampled into populations by samplers.
import { z } from 'zod';

export const personaSchema = z
  .object({
    name: z.string().min(1),
    age: z.number().int().min(0).max(130).optional(),
    sex: z.enum(['female', 'male', 'other']).optional(),
    occupation: z.string().optional(),
    /** Yearly income in US dollars. */
    income: z.number().min(0).optional(),
    traits: z.array(z.string()).default([]),
    values: z.array(z.string()).default([]),
    /** Free text appended to the persona description. */
    text: z.string().optional(),
  })
  .strict();

export type Persona = z.infer<typeof personaSchema>;
export type PersonaInput = z.input<typeof personaSchema>;

/** The persona as second-person prose for a system prompt. */
export function renderPersona(persona: Persona): string {
  const facts: string[] = [`You are ${persona.name}`];
  if (persona.age !== undefined) facts.push(`${persona.age} years old`);
  if (persona.sex !== undefined) facts.push(persona.sex);
  if (persona.occupation) facts.push(`working as ${withArticle(persona.occupation)}`);
  let text = facts.join(', ') + '.';
  if (persona.income !== undefined) text += ` You earn about $${Math.round(persona.income).toLocaleString('en-US')} a year.`;
  if (persona.traits.length) text += ` You are ${listJoin(persona.traits)}.`;
  if (persona.values.length) text += ` You value ${listJoin(persona.values)}.`;
  if (persona.text) text += ` ${persona.text}`;
  return text;
}

function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
