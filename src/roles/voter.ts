// A worker voting among candidates' platforms in the democratic economy (spec 1.4).
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { VoteAction, VoteObservation } from '../games/economist/index.js';
import type { ChatMessage } from '../models/model.js';
import { citizenVariables } from './candidate.js';
import { feedbackMessages } from './read-answer.js';
import { readJsonAction } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

export const voterRole: Role<VoteObservation, VoteAction> = {
  name: 'voter',
  templates: ['economist-voter'],
  structured: true,
  render({ agent, observation, feedback }: RenderInput<VoteObservation, VoteAction>): ChatMessage[] {
    const candidates = observation.candidates.map((c) => `- ${c.id}: DELTA ${JSON.stringify(c.platform)}`).join('\n');
    return [...renderPrompt(loadPrompt('economist-voter'), { ...citizenVariables(agent, observation), candidates }), ...feedbackMessages(feedback)];
  },
  parse: (text, schema) => readJsonAction(text, schema),
  remember: (obs, action) => `Step ${obs.step}: voted for ${action.vote}.`,
};
