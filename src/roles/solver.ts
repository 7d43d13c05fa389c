// The solver role of dual play (spec 7): answers the proposer's problem. Structured output ({answer,
// reasoning?}); free text with the final answer in \boxed{} is read too (PasoDoble's format).
import type { z } from 'zod';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { renderPersona } from '../agents/persona.js';
import type { DualPlayAction, DualPlayObservation, SolverObservation } from '../games/dual-play/types.js';
import { extractBoxed } from '../games/rewards/extract-answer.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages, readJsonAction } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

function pastText(o: SolverObservation): string {
  if (o.past.length === 0) return '';
  const lines = o.past.map((r) => `Round ${r.round + 1}: you answered ${r.ownAnswer || '(nothing)'}: ${r.correct ? 'matched' : 'did not match'} the proposer's answer.`);
  return `Your earlier rounds:\n${lines.join('\n')}`;
}

const ANSWER_FORMAT = 'Reply with one JSON object {"reasoning": "<your working>", "answer": "<final answer only>"}, or show your working and end with \\boxed{<final answer>}.';

export const solverRole: Role<DualPlayObservation, DualPlayAction> = {
  name: 'solver',
  templates: ['dual-play-solver'],
  structured: true,
  render({ agent, observation: o, feedback }: RenderInput<DualPlayObservation, DualPlayAction>): ChatMessage[] {
    if (o.kind !== 'solve') return [{ role: 'user', content: 'Waiting for the next problem; nothing to do now.' }];
    const messages = renderPrompt(loadPrompt('dual-play-solver'), {
      persona: agent.persona ? renderPersona(agent.persona) : '',
      round: o.round + 1,
      rounds: o.rounds,
      problem: o.problem,
      past: pastText(o),
      answer_format: ANSWER_FORMAT,
    });
    return [...messages, ...feedbackMessages(feedback)];
  },
  parse(text: string, schema: z.ZodType<DualPlayAction>): DualPlayAction {
    if (text.trim().startsWith('{')) return readJsonAction(text, schema);
    const boxed = extractBoxed(text);
    if (boxed === null) throw new InvalidActionError('unparsable', 'expected the final answer in \\boxed{}', text);
    return checkAction(schema, { answer: boxed.trim(), reasoning: text.trim() }, text);
  },
};
