// The actor role of actor/critic refinement (spec 9): a first attempt, then a revision after the critique.
// Structured output ({solution}); free text is taken whole as the solution (its final answer in \boxed{}).
import type { z } from 'zod';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { renderPersona } from '../agents/persona.js';
import type { CritiqueAction, CritiqueObservation } from '../games/critique/types.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages, readJsonAction } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

export const actorRole: Role<CritiqueObservation, CritiqueAction> = {
  name: 'actor',
  templates: ['critique-actor-answer', 'critique-actor-refine'],
  structured: true,
  render({ agent, observation: o, feedback }: RenderInput<CritiqueObservation, CritiqueAction>): ChatMessage[] {
    if (o.kind !== 'answer' && o.kind !== 'refine') return [{ role: 'user', content: 'The reviewer is reading your solution; nothing to do now.' }];
    const vars = { persona: agent.persona ? renderPersona(agent.persona) : '', index: o.index + 1, problems: o.problems, question: o.question };
    const messages =
      o.kind === 'answer'
        ? renderPrompt(loadPrompt('critique-actor-answer'), vars)
        : renderPrompt(loadPrompt('critique-actor-refine'), { ...vars, attempt: o.attempt, critique: o.critique });
    return [...messages, ...feedbackMessages(feedback)];
  },
  parse(text: string, schema: z.ZodType<CritiqueAction>): CritiqueAction {
    if (text.trim().startsWith('{')) return readJsonAction(text, schema);
    if (text.trim() === '') throw new InvalidActionError('unparsable', 'expected a solution', text);
    return checkAction(schema, { solution: text.trim() }, text);
  },
};
