// Reading the roles' answers: "Justification: ... Answer: <number>" (social-dilemma roles) or one JSON
// action (market roles), plus the repair feedback turned into one more user message.
import type { z } from 'zod';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import type { ChatMessage } from '../models/model.js';
import { parseJsonAnswer } from '../models/parse-json.js';
import type { RenderInput } from './role.js';

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;

/** The number after the last "Answer:" (case-insensitive); throws an 'unparsable' InvalidActionError otherwise. */
export function readNumberAnswer(text: string, label = 'Answer'): number {
  const matches = [...text.matchAll(new RegExp(`${label}\\s*:\\s*\\**\\s*${NUMBER}`, 'gi'))];
  const last = matches[matches.length - 1];
  if (!last) throw new InvalidActionError('unparsable', `expected "${label}: <number>"`, text);
  return Number(last[1]);
}

/** `n` as `readNumberAnswer` reads it: plain decimal digits, never an exponent (at most 6 decimals). */
export function plainNumber(n: number): string {
  return n.toFixed(6).replace(/\.?0+$/, '');
}

/** Validate a parsed action against the schema; a schema failure is an 'illegal' action. */
export function checkAction<A>(schema: z.ZodType<A>, value: unknown, raw: string): A {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidActionError('illegal', result.error.issues.map((i) => i.message).join('; '), raw);
  return result.data;
}

/** On a repair attempt: the rejected answer and the reason, so the model can correct itself. */
export function feedbackMessages(feedback: RenderInput['feedback']): ChatMessage[] {
  if (!feedback) return [];
  const out: ChatMessage[] = [];
  if (feedback.previous) out.push({ role: 'assistant', content: feedback.previous });
  out.push({ role: 'user', content: `Your previous answer could not be used (${feedback.kind}): ${feedback.error}. Please answer again in the requested format.` });
  return out;
}

/** One JSON object from the model's text, validated against the action schema. */
export function readJsonAction<A>(text: string, schema: z.ZodType<A>): A {
  const parsed = parseJsonAnswer(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) throw new InvalidActionError('unparsable', 'expected one JSON object', text);
  return checkAction(schema, parsed.value, text);
}
