// The economist's worker (spec 1.3). In the democratic variant the same seat also runs and votes, so this
// role hands candidacy and vote observations to the candidate and voter roles. Its prompt states what the
// worker's utility type maximises (spec 1.1), and bounded workers are asked after each step whether they are satisfied.
import type { z } from 'zod';
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { CandidacyAction, EconomistAction, EconomistObservation, SatisfactionObservation, VoteAction, WorkerObservation } from '../games/economist/index.js';
import type { ChatMessage } from '../models/model.js';
import { candidateRole } from './candidate.js';
import { feedbackMessages } from './read-answer.js';
import { readJsonAction } from './read-answer.js';
import { renderMemory } from './render-memory.js';
import type { RenderInput, Role } from './role.js';
import { voterRole } from './voter.js';

const money = (x: number): string => Math.round(x).toLocaleString('en-US');

/** The utility sentence of the system prompt, per type (the egotistical one is the reference's isoelastic utility). */
export function utilityRule(obs: Pick<WorkerObservation, 'utilityType' | 'swfKind' | 'laborCost'>): string {
  const own = `your income after tax plus the equal rebate every worker receives from total tax revenue, minus the growing strain of long hours (${obs.laborCost.c} × hours^${obs.laborCost.delta})`;
  const swf =
    obs.swfKind === 'utilitarian'
      ? 'the sum of every worker’s utility'
      : 'the sum over workers of each one’s utility divided by their pre-tax income';
  switch (obs.utilityType) {
    case 'egotistical':
      return `Your utility each step is ${own}.`;
    case 'altruistic':
      return `Your goal is the economy's social welfare: ${swf}, where a worker's utility is its income after tax plus the rebate minus the strain of its hours. You gain when the whole economy does well.`;
    case 'adversarial':
      return `Your goal is the negative of the economy's social welfare (${swf}, where a worker's utility is its income after tax plus the rebate minus the strain of its hours). You gain when the economy does badly.`;
    case 'bounded':
      return `Your adjusted utility each step is ${own}, multiplied by 1 if you are satisfied with the tax policy that step and by 0.5 if you are not.`;
  }
}

function renderSatisfaction(input: RenderInput<EconomistObservation, EconomistAction>, obs: SatisfactionObservation): ChatMessage[] {
  const { agent, feedback } = input;
  return [
    ...renderPrompt(loadPrompt('economist-satisfaction'), {
      persona: [agent.persona ? renderPersona(agent.persona) : '', obs.persona].filter(Boolean).join(' '),
      name: obs.id,
      step: obs.step,
      rates: obs.rates.join(', '),
      brackets: obs.brackets.join(' | '),
      labor: obs.labor,
      income: money(obs.income),
      tax: money(obs.tax),
      rebate: money(obs.rebate),
      utility: money(obs.isoelasticUtility),
      memory: renderMemory(agent.memory.view()),
    }),
    ...feedbackMessages(feedback),
  ];
}

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
      utility_rule: utilityRule(obs),
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
  templates: ['economist-worker', 'economist-candidate', 'economist-voter', 'economist-satisfaction'],
  structured: true,
  render(input) {
    const obs = input.observation;
    if (obs.kind === 'candidacy') return candidateRole.render({ ...input, observation: obs, schema: input.schema as z.ZodType<CandidacyAction> });
    if (obs.kind === 'vote') return voterRole.render({ ...input, observation: obs, schema: input.schema as z.ZodType<VoteAction> });
    if (obs.kind === 'satisfaction') return renderSatisfaction(input, obs);
    if (obs.kind !== 'labor') throw new RangeError('the worker role got a planner observation');
    return renderLabor(input, obs);
  },
  parse(text, schema) {
    // Models often quote the number ({"LABOR": "40"}), as the reference's own format does.
    const quoted = /"LABOR"\s*:\s*"(-?\d+(?:\.\d+)?)"/.exec(text);
    // Satisfaction answers in any case ("yes", "No") count, as in the reference's parser.
    const answer = /"ANSWER"\s*:\s*"(yes|no)"/i.exec(text);
    if (answer) return readJsonAction(text.replace(answer[0], `"ANSWER": "${(answer[1] as string).toUpperCase()}"`), schema);
    return readJsonAction(quoted ? text.replace(quoted[0], `"LABOR": ${quoted[1]}`) : text, schema);
  },
  remember(obs, action) {
    if (obs.kind === 'labor' && 'LABOR' in action) return `Step ${obs.step}: worked ${action.LABOR} h under rates ${obs.rates.join('/')}.`;
    if (obs.kind === 'vote' && 'vote' in action) return `Step ${obs.step}: voted for ${action.vote}.`;
    if (obs.kind === 'satisfaction' && 'ANSWER' in action) return `Step ${obs.step}: ${action.ANSWER === 'YES' ? 'satisfied' : 'not satisfied'} with the tax policy.`;
    return undefined;
  },
};
