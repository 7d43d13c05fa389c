// The persuadee of the susceptibility dialogue (spec 8.3): replies to the persuader and rates its agreement
// with the claim on a Likert scale every turn. Its stated prior (when the condition has one) is in its own
// system prompt only. Structured JSON action `{"reply", "agreement"}`.
import type { z } from 'zod';
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { SusceptibilityAction, SusceptibilityObservation } from '../games/susceptibility/types.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages, readJsonAction, readNumberAnswer } from './read-answer.js';
import type { RenderInput, Role } from './role.js';
import { dialogueText } from './susceptibility-persuader.js';

/** The stated prior as the persuadee's own view; '' in the no-prior condition. */
export function priorText(prior: { agreement: number; statement: string } | undefined, scale: number): string {
  if (!prior) return '';
  return `Before this conversation, your view was: ${prior.statement} (your agreement with the claim: ${prior.agreement} on a scale from 1 to ${scale}).`;
}

export const likertRespondentRole: Role<SusceptibilityObservation, SusceptibilityAction> = {
  name: 'likert-respondent',
  templates: ['susceptibility-persuadee'],
  structured: true,
  render({ agent, observation: o, feedback }: RenderInput<SusceptibilityObservation, SusceptibilityAction>): ChatMessage[] {
    if (o.kind !== 'respond') throw new TypeError(`likert-respondent: expected a respond observation, got ${o.kind}`);
    return [
      ...renderPrompt(loadPrompt('susceptibility-persuadee'), {
        persona: agent.persona ? renderPersona(agent.persona) : '',
        claim: o.claim,
        prior: priorText(o.prior, o.scale),
        transcript: dialogueText(o.transcript, 'persuadee'),
        task: o.turn === 0 ? 'Before the other person starts, say in one or two sentences what you think about the claim.' : "Reply to the other person's last message in one to three sentences.",
        scale: o.scale,
      }),
      ...feedbackMessages(feedback),
    ];
  },
  parse(text: string, schema: z.ZodType<SusceptibilityAction>): SusceptibilityAction {
    if (/^\s*[{`]/.test(text)) return readJsonAction(text, schema);
    // plain text: the reply, with "Agreement: n" on its last line
    const agreement = readNumberAnswer(text, 'Agreement');
    return checkAction(schema, { reply: text.replace(/Agreement\s*:\s*\**\s*-?\d+(?:\.\d+)?\**\s*$/i, '').trim(), agreement }, text);
  },
};
