// The donor role (spec §3): a strategy prompt at the start of a generation, then donation prompts answered
// as "Justification: ... Answer: <number>" (or "Punish, x" / "Refuse" in those variants).
import type { z } from 'zod';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { renderPersona } from '../agents/persona.js';
import type { DonorAction, DonorObservation, DonorRules } from '../games/donor/types.js';
import { formatNumber } from '../games/donor/trace.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages, plainNumber, readNumberAnswer } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

function systemMessages(rules: DonorRules, persona: string): ChatMessage[] {
  const variants: string[] = [];
  if (rules.punishment) variants.push(`Instead of giving, a donor may punish the recipient: spending x units takes ${formatNumber(rules.punishmentLoss)}·x units away from them.`);
  if (rules.refusal) variants.push('A donor may also refuse to play, in which case nothing changes hands.');
  return renderPrompt(loadPrompt('donor-system'), {
    persona,
    agents: rules.agents,
    endowment: formatNumber(rules.endowment),
    multiplier: formatNumber(rules.multiplier),
    variant_rules: variants.join(' '),
    trace_depth: rules.traceDepth,
    generations: rules.generations,
  });
}

function answerFormat(rules: DonorRules): string {
  const forms = ['"Answer: <number of units>" to give'];
  if (rules.punishment) forms.push('"Punish, <units to spend>" to punish');
  if (rules.refusal) forms.push('"Refuse" to refuse to play');
  return `First write "Justification:" and your reasoning, then on the last line ${forms.join(', or ')}.`;
}

function inheritedText(observation: Extract<DonorObservation, { kind: 'strategy' }>): string {
  if (observation.inherited.length === 0) return 'You are one of the first players; nobody has played before you.';
  const lines = observation.inherited.map((s) => `- ${s.agent} (score ${formatNumber(s.score)}): ${s.strategy}`);
  return `These are the strategies of the best-scoring half of the previous generation, with their scores:\n${lines.join('\n')}\nLearn from them and write an improved strategy.`;
}

export const donorRole: Role<DonorObservation, DonorAction> = {
  name: 'donor',
  templates: ['donor-system', 'donor-strategy', 'donor-donation'],
  structured: false,
  render({ agent, observation, feedback }: RenderInput<DonorObservation, DonorAction>): ChatMessage[] {
    const persona = agent.persona ? renderPersona(agent.persona) : '';
    if (observation.kind === 'idle') return [{ role: 'user', content: `You hold ${formatNumber(observation.resources)} units and are not the donor this round.` }];
    const system = systemMessages(observation.rules, persona);
    const user =
      observation.kind === 'strategy'
        ? renderPrompt(loadPrompt('donor-strategy'), { name: observation.name, generation: observation.generation, inherited: inheritedText(observation) })
        : renderPrompt(loadPrompt('donor-donation'), {
            name: observation.name,
            strategy: observation.strategy,
            generation: observation.generation,
            round: observation.round,
            recipient: observation.recipient,
            recipient_resources: formatNumber(observation.recipientResources),
            trace: observation.traceText,
            resources: formatNumber(observation.resources),
            answer_format: answerFormat(observation.rules),
          });
    return [...system, ...user, ...feedbackMessages(feedback)];
  },
  parse(text: string, schema: z.ZodType<DonorAction>, observation: DonorObservation): DonorAction {
    if (observation.kind === 'strategy') {
      const sentence = /My strategy will be[^\n]*/i.exec(text)?.[0] ?? text.trim();
      if (!sentence) throw new InvalidActionError('unparsable', 'expected a strategy sentence', text);
      return checkAction(schema, { kind: 'strategy', strategy: sentence }, text);
    }
    const punish = /Punish\s*,?\s*(\d+(?:\.\d+)?)/i.exec(text);
    if (punish) return checkAction(schema, { kind: 'punish', amount: Number(punish[1]) }, text);
    if (/^\s*(?:Answer:\s*)?Refuse\b/im.test(text)) return checkAction(schema, { kind: 'refuse' }, text);
    const donate = /Donate\s*,\s*(\d+(?:\.\d+)?)/i.exec(text);
    const amount = donate ? Number(donate[1]) : readNumberAnswer(text);
    return checkAction(schema, { kind: 'donate', amount }, text);
  },
  format(action: DonorAction): string {
    if (action.kind === 'strategy') return `My strategy will be ${action.strategy.replace(/\s+/g, ' ')}`;
    if (action.kind === 'refuse') return 'Refuse';
    if (action.kind === 'punish') return `Justification: offline answer.\nPunish, ${plainNumber(action.amount)}`;
    return `Justification: offline answer.\nAnswer: ${plainNumber(action.amount)}`;
  },
  remember(observation, action) {
    if (observation.kind !== 'donate') return undefined;
    if (action.kind === 'refuse') return `Round ${observation.round}: you refused to play with ${observation.recipient}.`;
    if (action.kind === 'strategy') return undefined;
    return `Round ${observation.round}: you chose to ${action.kind} ${formatNumber(action.amount)} units with ${observation.recipient}.`;
  },
};
