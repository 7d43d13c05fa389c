// The harvester role for the common-pool resource game (spec §5): a harvest question answered
// "Answer: <number>", and a sanction question answered "Monitor: yes|no" / "Punish: yes|no".
import type { z } from 'zod';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { renderPersona } from '../agents/persona.js';
import type { CommonsAction, CommonsHarvestObservation, CommonsObservation, CommonsRules } from '../games/commons/types.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages, plainNumber, readNumberAnswer } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

const fmt = (x: number) => String(Math.round(x * 100) / 100);

function system(rules: CommonsRules, persona: string): ChatMessage[] {
  const regrowth =
    rules.regrowth === 'logistic'
      ? 'After each round the resource regrows, fastest when it is half full, never beyond its capacity.'
      : 'After each round what is left doubles, up to the capacity.';
  return renderPrompt(loadPrompt('commons-system'), {
    persona, agents: rules.agents, capacity: fmt(rules.capacity), regrowth, threshold: fmt(rules.collapseThreshold), rounds: rules.rounds,
    sanctions: rules.sanctions ? 'After each harvest, anyone may pay to monitor the others and to fine those who took more than the community norm.' : '',
  });
}

function lastRound(o: CommonsHarvestObservation): string {
  if (!o.last) return 'This is the first round.';
  let text = `Last round you took ${fmt(o.last.harvest)} units and everyone together took ${fmt(o.last.totalHarvest)}; you earned ${fmt(o.last.payoff)} after costs and fines.`;
  if (o.last.fined > 0) text += ` You were fined ${fmt(o.last.fined)} units for breaking the norm.`;
  if (o.last.monitored) text += ` Monitoring showed: ${Object.entries(o.last.monitored).map(([a, h]) => `${a} took ${fmt(h)}`).join(', ')}.`;
  return text;
}

export const harvesterRole: Role<CommonsObservation, CommonsAction> = {
  name: 'harvester',
  templates: ['commons-system', 'commons-harvest', 'commons-sanction'],
  structured: false,
  render({ agent, observation: o, feedback }: RenderInput<CommonsObservation, CommonsAction>): ChatMessage[] {
    const persona = agent.persona ? renderPersona(agent.persona) : '';
    const rules = system(o.rules, persona);
    const user =
      o.kind === 'harvest'
        ? renderPrompt(loadPrompt('commons-harvest'), { round: o.round, rounds: o.rounds, stock: fmt(o.stock), norm: fmt(o.norm), last: lastRound(o), total: fmt(o.totalPayoff) })
        : renderPrompt(loadPrompt('commons-sanction'), {
            round: o.round, harvest: fmt(o.harvest), total_harvest: fmt(o.totalHarvest), norm: fmt(o.norm),
            monitoring_cost: fmt(o.monitoringCost), punishment_cost: fmt(o.punishmentCost), fine: fmt(o.fine),
          });
    return [...rules, ...user, ...feedbackMessages(feedback)];
  },
  parse(text: string, schema: z.ZodType<CommonsAction>, o: CommonsObservation): CommonsAction {
    if (o.kind === 'harvest') return checkAction(schema, { kind: 'harvest', amount: readNumberAnswer(text) }, text);
    const monitor = /Monitor\s*:\s*\**\s*(yes|no)/i.exec(text)?.[1];
    const punish = /Punish\s*:\s*\**\s*(yes|no)/i.exec(text)?.[1];
    if (!monitor) throw new InvalidActionError('unparsable', 'expected "Monitor: yes" or "Monitor: no"', text);
    const watching = monitor.toLowerCase() === 'yes';
    return checkAction(schema, { kind: 'sanction', monitor: watching, punish: watching && punish?.toLowerCase() === 'yes' }, text);
  },
  format(action: CommonsAction): string {
    if (action.kind === 'harvest') return `Answer: ${plainNumber(action.amount)}`;
    return `Monitor: ${action.monitor ? 'yes' : 'no'}\nPunish: ${action.punish ? 'yes' : 'no'}`;
  },
};
