// The economist's worker (spec 1.3). In the democratic variant the same seat also runs and votes, so this
// role hands candidacy and vote observations to the candidate and voter roles.
import type { z } from 'zod';
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { CandidacyAction, EconomistAction, EconomistObservation, VoteAction, WorkerObservation } from '../games/economist/index.js';
import type { ChatMessage } from '../models/model.js';
import { candidateRole } from './candidate.js';
import { feedbackMessages } from './read-answer.js';
import { readJsonAction } from './read-answer.js';
import { renderMemory } from './render-memory.js';
import type { RenderInput, Role } from './role.js';
import { voterRole } from './voter.js';

const money = (x: number): string => Math.round(x).toLocaleString('en-US');

function renderLabor(input: RenderInput<EconomistObservation, EconomistAction>, obs: WorkerObservation): ChatMessage[] {
  const { agent, feedback } = input;
  const last =
    obs.lastLabor === null
      ? 'This is your first step.'
      : `Last step you worked ${obs.lastLabor} h: income $${money(obs.lastIncome ?? 0)}, tax $${money(obs.lastTax ?? 0)}.`;
  const averages = obs.averageLabor === null ? '' : `Recently you averaged about ${obs.averageLabor} h and a utility of ${money(obs.averageUtility ?? 0)}.`;
  return [
    ...renderPrompt(loadPrompt('economist-worker'), {
      persona: [agent.persona ? renderPersona(agent.persona) : '', obs.persona].filter(Boolean).join(' '),
      name: obs.id,
      skill: obs.skill.toFixed(2),
      income_40: money(obs.skill * 40),
      grid: obs.grid.join(', '),
      step: obs.step,
      steps: obs.steps,
      rates: obs.rates.join(', '),
      brackets: obs.brackets.join(' | '),
      last,
      averages,
      rebate: money(obs.rebate),
      memory: renderMemory(agent.memory.view()),
      cue: obs.bestCue ? 'Choose the hours that have served you best so far.' : 'Choose your hours for this step.',
    }),
    ...feedbackMessages(feedback),
  ];
}

export const workerRole: Role<EconomistObservation, EconomistAction> = {
  name: 'worker',
  templates: ['economist-worker', 'economist-candidate', 'economist-voter'],
  structured: true,
  render(input) {
    const obs = input.observation;
    if (obs.kind === 'candidacy') return candidateRole.render({ ...input, observation: obs, schema: input.schema as z.ZodType<CandidacyAction> });
    if (obs.kind === 'vote') return voterRole.render({ ...input, observation: obs, schema: input.schema as z.ZodType<VoteAction> });
    if (obs.kind !== 'labor') throw new RangeError('the worker role got a planner observation');
    return renderLabor(input, obs);
  },
  parse(text, schema) {
    // Models often quote the number ({"LABOR": "40"}), as the reference's own format does.
    const quoted = /"LABOR"\s*:\s*"(-?\d+(?:\.\d+)?)"/.exec(text);
    return readJsonAction(quoted ? text.replace(quoted[0], `"LABOR": ${quoted[1]}`) : text, schema);
  },
  remember(obs, action) {
    if (obs.kind === 'labor' && 'LABOR' in action) return `Step ${obs.step}: worked ${action.LABOR} h under rates ${obs.rates.join('/')}.`;
    if (obs.kind === 'vote' && 'vote' in action) return `Step ${obs.step}: voted for ${action.vote}.`;
    return undefined;
  },
};
