// The critic role of actor/critic refinement (spec 9): a step-by-step review ending with the verdict line
// "Correctness of the final answer: Correct|Wrong". A review without the line is still an action: the game
// scores a missing verdict −1, as Critique-RL does.
import type { z } from 'zod';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { renderPersona } from '../agents/persona.js';
import type { CritiqueAction, CritiqueObservation } from '../games/critique/types.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages, readJsonAction } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

export const criticRole: Role<CritiqueObservation, CritiqueAction> = {
  name: 'critic',
  templates: ['critique-critic'],
  structured: true,
  render({ agent, observation: o, feedback }: RenderInput<CritiqueObservation, CritiqueAction>): ChatMessage[] {
    if (o.kind !== 'critique') return [{ role: 'user', content: 'Waiting for the next solution to review; nothing to do now.' }];
    const messages = renderPrompt(loadPrompt('critique-critic'), {
      persona: agent.persona ? renderPersona(agent.persona) : '',
      index: o.index + 1,
      problems: o.problems,
      question: o.question,
      attempt: o.attempt,
    });
    return [...messages, ...feedbackMessages(feedback)];
  },
  parse(text: string, schema: z.ZodType<CritiqueAction>): CritiqueAction {
    if (text.trim().startsWith('{')) return readJsonAction(text, schema);
    if (text.trim() === '') throw new InvalidActionError('unparsable', 'expected a critique', text);
    return checkAction(schema, { critique: text.trim() }, text);
  },
};
