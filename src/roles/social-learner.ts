// The social-learner role (spec §15): one guess of the hidden state from the learner's own private hint and
// the public list of earlier guesses; answers {"choice": "A" | "B"}. It renders only what the game's
// observation holds, so another learner's hint or the state can never reach this prompt.
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { LearnerAction, LearnerObservation } from '../games/social-learning/types.js';
import type { ChatMessage } from '../models/model.js';
import { feedbackMessages, readJsonAction } from './read-answer.js';
import { renderMemory } from './render-memory.js';
import type { RenderInput, Role } from './role.js';

const fmt = (x: number) => String(Math.round(x * 1000) / 1000);

export const socialLearnerRole: Role<LearnerObservation, LearnerAction> = {
  name: 'social-learner',
  templates: ['social-learning-learner'],
  structured: true,
  render({ agent, observation: o, feedback }: RenderInput<LearnerObservation, LearnerAction>): ChatMessage[] {
    const history = o.history.length
      ? o.history.map((h) => `\n${h.position}. ${h.agent} guessed ${h.choice} (their hint was right with probability ${fmt(h.precision)})`).join('')
      : 'none; you are the first.';
    return [
      ...renderPrompt(loadPrompt('social-learning-learner'), {
        persona: agent.persona ? renderPersona(agent.persona) : '',
        learners: o.learners,
        position: o.position,
        prior: fmt(o.prior),
        signal: o.signal,
        precision: fmt(o.precision),
        precision_note: o.precision === 0.5 ? 'A hint with precision 0.5 carries no information.' : '',
        history,
        memory: renderMemory(agent.memory.view()),
        episode: o.episodes > 1 ? `Round ${o.episode} of ${o.episodes} (a new hidden fact each round). ` : '',
      }),
      ...feedbackMessages(feedback),
    ];
  },
  parse: (text, schema) => readJsonAction(text, schema),
  remember: (o, action) => `Round ${o.episode}: your hint said ${o.signal}; you guessed ${action.choice}.`,
};
