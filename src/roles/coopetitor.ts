// The coopetitor role for the repeated coopetition game (spec §16): free text ending "Answer: <number>".
import type { z } from 'zod';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { renderPersona } from '../agents/persona.js';
import type { CoopetitionAction, CoopetitionObservation } from '../games/coopetition/coopetition-game.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages, plainNumber, readNumberAnswer } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

const fmt = (x: number) => String(Math.round(x * 1000) / 1000);

function rewardRule(o: CoopetitionObservation): string {
  if (o.rewardMode === 'private') return 'Your score each round is what you keep plus your own value plus your share of the joint surplus.';
  const weights = (o.model.interdependence[o.seat] ?? [])
    .map((d, j) => ({ j, w: d * (o.model.trust[o.seat]?.[j] ?? 1) }))
    .filter(({ j, w }) => j !== o.seat && w !== 0)
    .map(({ j, w }) => `${fmt(w)} of firm ${j + 1}'s`);
  return `Your score each round is your own result plus ${weights.length ? weights.join(', ') : 'none of the others'} results, because your fortunes are linked.`;
}

export const coopetitorRole: Role<CoopetitionObservation, CoopetitionAction> = {
  name: 'coopetitor',
  templates: ['coopetition-invest'],
  structured: false,
  render({ agent, observation: o, feedback }: RenderInput<CoopetitionObservation, CoopetitionAction>): ChatMessage[] {
    const m = o.model;
    const history = o.history.length
      ? o.history.map((h) => `Round ${h.round}: investments ${h.investments.map((x, j) => `firm ${j + 1}${j === o.seat ? ' (you)' : ''} ${fmt(x)}`).join(', ')}; your score ${fmt(h.reward)}.`).join('\n')
      : 'This is the first round.';
    const messages = renderPrompt(loadPrompt('coopetition-invest'), {
      persona: agent.persona ? renderPersona(agent.persona) : '',
      agents: m.n,
      endowment: fmt(o.endowment),
      value_rule: m.valueFunction === 'power' ? `investing a units gives you a^${fmt(m.beta)}` : `investing a units gives you ${fmt(m.theta)}·ln(1 + a)`,
      gamma: fmt(m.gamma),
      share: `${fmt(100 * (m.alpha[o.seat] ?? 0))}%`,
      reward_rule: rewardRule(o),
      round: o.round,
      rounds: o.rounds,
      history,
    });
    return [...messages, ...feedbackMessages(feedback)];
  },
  parse: (text: string, schema: z.ZodType<CoopetitionAction>) => checkAction(schema, { investment: readNumberAnswer(text) }, text),
  format: (action: CoopetitionAction) => `Answer: ${plainNumber(action.investment)}`,
};
