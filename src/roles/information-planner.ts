// The information-planner role (spec §15): chooses the precision of the learners' private hints at a cost,
// within the transparency constraints; answers {"precision": q} (information parity) or {"precisions": [...]}.
// Named apart from `planner`, the economist's tax planner.
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { PlannerAction, PlannerObservation } from '../games/social-learning/types.js';
import type { ChatMessage } from '../models/model.js';
import { feedbackMessages, readJsonAction } from './read-answer.js';
import { renderMemory } from './render-memory.js';
import type { RenderInput, Role } from './role.js';

const fmt = (x: number) => String(Math.round(x * 1000) / 1000);

function goal(o: PlannerObservation): string {
  if (o.objective === 'altruistic') return 'Your score: 1 point for every person whose guess is right, minus what you spend on information.';
  return `Your score: 1 point for every person who guesses ${o.preferredAction}, whether or not it is right, minus what you spend on information.`;
}

export const informationPlannerRole: Role<PlannerObservation, PlannerAction> = {
  name: 'information-planner',
  templates: ['social-learning-planner'],
  structured: true,
  render({ agent, observation: o, feedback }: RenderInput<PlannerObservation, PlannerAction>): ChatMessage[] {
    const last = o.first + o.count - 1;
    const history = o.history.length
      ? o.history.map((c, t) => `\n${t + 1}. guessed ${c} (hint precision ${fmt(o.precisions[t] as number)})`).join('')
      : 'none yet.';
    return [
      ...renderPrompt(loadPrompt('social-learning-planner'), {
        persona: agent.persona ? renderPersona(agent.persona) : '',
        learners: o.learners,
        prior: fmt(o.prior),
        goal: goal(o),
        cost_rule: `Each hint costs ${fmt(o.costPerBit)} points per bit of information it carries about the fact: nothing at precision 0.5, ${fmt(o.costPerBit)} at precision 1.`,
        range: `every precision must lie between ${fmt(o.minPrecision)} and ${fmt(o.maxPrecision)}${o.minPrecision < 0.5 ? ' (below 0.5 a hint points the wrong way more often than not)' : ''}.`,
        parity_rule: o.parity ? 'Everyone in this step receives a hint of the same precision.' : 'You may give each person a different precision.',
        disclosure_rule: o.disclosed
          ? 'The people are told the precision of their own hint and of every earlier hint.'
          : `The people are not told your choice; they believe every hint has precision ${fmt(o.announcedPrecision)}.`,
        block: o.count === 1 ? `person ${o.first}` : `persons ${o.first} to ${last}`,
        history,
        memory: renderMemory(agent.memory.view()),
        episode: o.episodes > 1 ? `Round ${o.episode} of ${o.episodes} (a new hidden fact each round). ` : '',
        answer_format: o.parity
          ? 'Reply with one JSON object, {"precision": <number>}.'
          : `Reply with one JSON object, {"precisions": [<${o.count} numbers, one per person in order>]}.`,
      }),
      ...feedbackMessages(feedback),
    ];
  },
  parse: (text, schema) => readJsonAction(text, schema),
};
