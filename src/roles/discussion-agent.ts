// The discussant of the co-evolving discussion (CoMAS, spec 10): one role, one prompt per step (solve,
// evaluate, score), free-text answers. The game reads the score itself (parseComasScore), so the role only
// rejects an empty answer; a scorer whose text stays empty after repair is a scorer failure (reward −1).
import type { z } from 'zod';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { renderPersona } from '../agents/persona.js';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import type { DiscussionAction, DiscussionDomain, DiscussionObservation, SharedDiscussion } from '../games/discussion/types.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

const ANSWER_FORMAT: Record<DiscussionDomain, string> = {
  math: 'End with your final answer inside \\boxed{}, for example \\boxed{42}.',
  science: 'End with your final answer as a decimal number inside \\boxed{}, for example \\boxed{0.25}; leave units out of the box.',
};

/** The shared discussions as numbered blocks, or a line saying there are none yet. */
export function discussionText(discussion: readonly SharedDiscussion[]): string {
  if (discussion.length === 0) return '(none yet: this is the first round)';
  return discussion
    .map((d, k) => `--- Discussion ${k + 1} ---\nSolution:\n${d.solution.trim()}\nCritique:\n${d.evaluation.trim()}`)
    .join('\n\n');
}

export const discussionAgentRole: Role<DiscussionObservation, DiscussionAction> = {
  name: 'discussion-agent',
  templates: ['discussion-solve', 'discussion-evaluate', 'discussion-score'],
  structured: false,
  render({ agent, observation: o, feedback }: RenderInput<DiscussionObservation, DiscussionAction>): ChatMessage[] {
    const persona = agent.persona ? renderPersona(agent.persona) : '';
    const question = o.question.trim();
    const messages =
      o.step === 'solve'
        ? renderPrompt(loadPrompt('discussion-solve'), { persona, question, round: o.round, rounds: o.rounds, discussion: discussionText(o.discussion), answer_format: ANSWER_FORMAT[o.domain] })
        : o.step === 'evaluate'
          ? renderPrompt(loadPrompt('discussion-evaluate'), { persona, question, solution: o.solution.trim() })
          : renderPrompt(loadPrompt('discussion-score'), { persona, question, solution: o.solution.trim(), evaluation: o.evaluation.trim() });
    return [...messages, ...feedbackMessages(feedback)];
  },
  parse(text: string, schema: z.ZodType<DiscussionAction>, observation: DiscussionObservation): DiscussionAction {
    if (text.trim() === '') throw new InvalidActionError('unparsable', `expected a non-empty ${observation.step === 'solve' ? 'solution' : observation.step === 'evaluate' ? 'critique' : 'rating with <score>n</score>'}`, text);
    return checkAction(schema, text.trim(), text);
  },
};
