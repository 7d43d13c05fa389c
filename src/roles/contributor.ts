// The contributor role: both public goods games (the linear game and the sequential MAC-SPGG-style game).
// Free-text answers ending in "Answer: <number>"; the sequential game also reads a "Contribution:" text.
import type { z } from 'zod';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { renderPersona } from '../agents/persona.js';
import type { LinearPublicGoodsAction, LinearPublicGoodsObservation } from '../games/public-goods/linear-game.js';
import type { SequentialPublicGoodsAction, SequentialPublicGoodsObservation } from '../games/public-goods/sequential-game.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages, plainNumber, readNumberAnswer } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

type Observation = LinearPublicGoodsObservation | SequentialPublicGoodsObservation;
type Action = LinearPublicGoodsAction | SequentialPublicGoodsAction;

const isSequential = (o: Observation): o is SequentialPublicGoodsObservation => 'position' in o;
const fmt = (x: number) => String(Math.round(x * 1000) / 1000);

function linearMessages(o: LinearPublicGoodsObservation, persona: string): ChatMessage[] {
  const history = o.history.length
    ? o.history.map((h) => `Round ${h.round}: you put in ${fmt(h.own)}, the group put in ${fmt(h.groupTotal)} in total, you earned ${fmt(h.payoff)}.`).join('\n')
    : 'This is the first round.';
  return renderPrompt(loadPrompt('public-goods-contribute'), {
    persona, agents: o.agents, endowment: fmt(o.endowment), multiplier: fmt(o.multiplier), mpcr: fmt(o.mpcr),
    rounds: o.rounds, round: o.round, history, total: fmt(o.totalPayoff),
  });
}

function sequentialMessages(o: SequentialPublicGoodsObservation, persona: string): ChatMessage[] {
  const p = o.params;
  const predecessors = o.predecessors.length
    ? o.predecessors.map((c) => `Agent ${c.agent} contributed quality ${fmt(c.quality)}${c.text ? `:\n${c.text}` : '.'}`).join('\n\n')
    : 'You move first; nobody has contributed yet.';
  return renderPrompt(loadPrompt('public-goods-sequential'), {
    persona, agents: p.agents, position: o.position, predecessors, c_min: fmt(p.cMin), c_max: fmt(p.cMax), kappa: fmt(p.kappa),
    gamma: fmt(p.gamma), rho: fmt(p.rho), penalty: fmt(p.penalty), threshold: fmt(p.threshold),
    score_rule: p.taskScore === 'min' ? 'lowest' : 'average',
  });
}

export const contributorRole: Role<Observation, Action> = {
  name: 'contributor',
  templates: ['public-goods-contribute', 'public-goods-sequential'],
  structured: false,
  render({ agent, observation, feedback }: RenderInput<Observation, Action>): ChatMessage[] {
    const persona = agent.persona ? renderPersona(agent.persona) : '';
    const messages = isSequential(observation) ? sequentialMessages(observation, persona) : linearMessages(observation, persona);
    return [...messages, ...feedbackMessages(feedback)];
  },
  parse(text: string, schema: z.ZodType<Action>, observation: Observation): Action {
    const value = readNumberAnswer(text);
    if (!isSequential(observation)) return checkAction(schema, { contribution: value }, text);
    const contribution = /Contribution:\s*([\s\S]*?)(?:\n\s*Answer\s*:|$)/i.exec(text)?.[1]?.trim();
    return checkAction(schema, contribution ? { quality: value, text: contribution } : { quality: value }, text);
  },
  format(action: Action, observation: Observation): string {
    const a = action as { contribution?: number; quality?: number; text?: string };
    if (!isSequential(observation)) return `Answer: ${plainNumber(a.contribution ?? 0)}`;
    return `${a.text ? `Contribution: ${a.text}\n` : ''}Answer: ${plainNumber(a.quality ?? 0)}`;
  },
};
