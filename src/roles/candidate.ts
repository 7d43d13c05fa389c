// A worker deciding whether to run for tax leader in the democratic economy (spec 1.4).
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { CandidacyAction, CandidacyObservation, CitizenContext } from '../games/economist/index.js';
import type { ChatMessage } from '../models/model.js';
import type { AgentView } from '../agents/agent.js';
import { feedbackMessages } from './read-answer.js';
import { readJsonAction } from './read-answer.js';
import { renderMemory } from './render-memory.js';
import type { RenderInput, Role } from './role.js';

/** Variables every citizen prompt shares. */
export function citizenVariables(agent: AgentView, obs: CitizenContext): Record<string, string | number> {
  return {
    persona: [agent.persona ? renderPersona(agent.persona) : '', obs.persona].filter(Boolean).join(' '),
    name: obs.id,
    skill: obs.skill.toFixed(2),
    rates: obs.rates.join(', '),
    brackets: obs.brackets.join(' | '),
    step: obs.step,
    memory: renderMemory(agent.memory.view()),
  };
}

export const candidateRole: Role<CandidacyObservation, CandidacyAction> = {
  name: 'candidate',
  templates: ['economist-candidate'],
  structured: true,
  render({ agent, observation, feedback }: RenderInput<CandidacyObservation, CandidacyAction>): ChatMessage[] {
    return [...renderPrompt(loadPrompt('economist-candidate'), citizenVariables(agent, observation)), ...feedbackMessages(feedback)];
  },
  parse: (text, schema) => readJsonAction(text, schema),
  remember: (obs, action) => (action.run ? `Step ${obs.step}: ran for leader with DELTA ${JSON.stringify(action.DELTA)}.` : undefined),
};
