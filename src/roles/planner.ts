// The economist's tax planner (spec 1.2): yearly statistics in, a DELTA per bracket out.
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { PlannerAction, PlannerObservation } from '../games/economist/index.js';
import type { ChatMessage } from '../models/model.js';
import { feedbackMessages } from './read-answer.js';
import { readJsonAction } from './read-answer.js';
import { renderMemory } from './render-memory.js';
import type { RenderInput, Role } from './role.js';

const fmt = (x: number): string => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(3));

/** "Raising TAX[i] lowered welfare" lines comparing the last two years (spec 1.2 reflection). */
export function reflection(obs: PlannerObservation): string {
  const prev = obs.previousYear;
  if (!prev) return '';
  const better = obs.yearSwf > prev.swf;
  const lines = obs.rates.flatMap((r, j) => {
    const d = r - (prev.rates[j] as number);
    if (d === 0) return [];
    const dir = d > 0 ? 'Raising' : 'Lowering';
    return [`${dir} TAX[${j}] ${better ? 'raised' : 'lowered'} welfare, so TAX[${j}] was ${(d > 0) === better ? 'too low' : 'too high'}.`];
  });
  return lines.join(' ');
}

export const plannerRole: Role<PlannerObservation, PlannerAction> = {
  name: 'planner',
  templates: ['economist-planner'],
  structured: true,
  render({ agent, observation: obs, feedback }: RenderInput<PlannerObservation, PlannerAction>): ChatMessage[] {
    const h = obs.utilityHistogram;
    return [
      ...renderPrompt(loadPrompt('economist-planner'), {
        steps: obs.steps,
        swf_rule:
          obs.swfKind === 'utilitarian'
            ? 'the sum of all workers’ utilities'
            : 'the sum over workers of utility divided by pre-tax income (low earners weigh more)',
        brackets: obs.brackets.join(' | '),
        rates: obs.rates.join(', '),
        income_histogram: obs.incomeHistogram.join(', '),
        utility_histogram: h.counts.map((c, i) => `[${fmt(h.edges[i] as number)}, ${fmt(h.edges[i + 1] as number)}): ${c}`).join('; '),
        stats: `Income mean ${fmt(obs.income.mean)}, median ${fmt(obs.income.median)}, std ${fmt(obs.income.std)}. Utility mean ${fmt(obs.utility.mean)}, median ${fmt(obs.utility.median)}, std ${fmt(obs.utility.std)}.`,
        swf: fmt(obs.swf),
        year_swf: fmt(obs.yearSwf),
        best: obs.best ? `${obs.best.rates.join(', ')} (welfare ${fmt(obs.best.swf)})` : 'none yet',
        reflection: reflection(obs),
        step: obs.step,
        cue: obs.final ? 'The run is ending: move toward the best rates you have seen.' : 'Explore, then exploit what worked.',
        memory: renderMemory(agent.memory.view()),
      }),
      ...feedbackMessages(feedback),
    ];
  },
  parse: (text, schema) => readJsonAction(text, schema),
  remember: (obs, action) => ('DELTA' in action ? `Step ${obs.step}: DELTA ${JSON.stringify(action.DELTA)} on rates ${obs.rates.join('/')}.` : undefined),
};
