// The persuader of the susceptibility dialogue (spec 8.3): argues for the claim with the persuasion principle
// the game assigns. Structured JSON action `{"message"}`.
import type { z } from 'zod';
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { SusceptibilityAction, SusceptibilityObservation, Utterance } from '../games/susceptibility/types.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages, readJsonAction } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

/** The conversation from one side's point of view; '' before anyone spoke. */
export function dialogueText(transcript: readonly Utterance[], self: Utterance['speaker']): string {
  if (transcript.length === 0) return '';
  return `The conversation so far:\n${transcript.map((u) => `${u.speaker === self ? 'You' : 'The other person'}: ${u.text}`).join('\n')}\n`;
}

export const susceptibilityPersuaderRole: Role<SusceptibilityObservation, SusceptibilityAction> = {
  name: 'susceptibility-persuader',
  templates: ['susceptibility-persuader'],
  structured: true,
  render({ agent, observation: o, feedback }: RenderInput<SusceptibilityObservation, SusceptibilityAction>): ChatMessage[] {
    if (o.kind !== 'persuade') throw new TypeError(`susceptibility-persuader: expected a persuade observation, got ${o.kind}`);
    return [
      ...renderPrompt(loadPrompt('susceptibility-persuader'), {
        persona: agent.persona ? renderPersona(agent.persona) : '',
        claim: o.claim,
        strategy: o.strategy,
        principle: o.principle,
        turn: o.turn,
        turns: o.turns,
        transcript: dialogueText(o.transcript, 'persuader'),
      }),
      ...feedbackMessages(feedback),
    ];
  },
  parse(text: string, schema: z.ZodType<SusceptibilityAction>): SusceptibilityAction {
    if (/^\s*[{`]/.test(text)) return readJsonAction(text, schema);
    return checkAction(schema, { message: text.trim() }, text);
  },
};
