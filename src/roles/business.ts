// The marketplace business's service agent (spec 6.1): sees its own conversations, replies or proposes.
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { BusinessAction, BusinessObservation } from '../games/marketplace/index.js';
import type { ChatMessage } from '../models/model.js';
import { feedbackMessages } from './read-answer.js';
import { readJsonAction } from './read-answer.js';
import { renderMemory } from './render-memory.js';
import type { RenderInput, Role } from './role.js';

function conversationsText(obs: BusinessObservation): string {
  const blocks = Object.entries(obs.conversations).map(([customer, messages]) => {
    const rows = messages.map((m) => {
      const who = m.from === obs.you.id ? 'you' : m.from;
      if (m.kind === 'proposal') return `  [tick ${m.tick}] ${who} proposed ${JSON.stringify(m.proposal)}`;
      if (m.kind === 'payment') return `  [tick ${m.tick}] ${who} paid proposal ${m.proposalId}`;
      return `  [tick ${m.tick}] ${who}: ${m.content ?? ''}`;
    });
    return `${customer}:\n${rows.join('\n')}`;
  });
  return blocks.length ? `\n${blocks.join('\n')}` : 'none yet';
}

export const businessRole: Role<BusinessObservation, BusinessAction> = {
  name: 'business',
  templates: ['marketplace-business'],
  structured: true,
  render({ agent, observation: obs, feedback }: RenderInput<BusinessObservation, BusinessAction>): ChatMessage[] {
    return [
      ...renderPrompt(loadPrompt('marketplace-business'), {
        persona: agent.persona ? renderPersona(agent.persona) : '',
        name: obs.you.name,
        description: obs.you.description,
        menu: Object.entries(obs.you.menu).map(([i, p]) => `${i}: ${p}`).join('; '),
        amenities: obs.you.amenities.join(', ') || 'none',
        tick: obs.tick,
        memory: renderMemory(agent.memory.view()),
        conversations: conversationsText(obs),
        proposals: obs.proposals.length ? obs.proposals.map((p) => `${p.id} to ${p.customer}: $${p.total_price}${p.paid ? ' (paid)' : ''}`).join('; ') : 'none',
      }),
      ...feedbackMessages(feedback),
    ];
  },
  parse: (text, schema) => readJsonAction(text, schema),
  remember(obs, action) {
    if (action.type === 'propose') return `Tick ${obs.tick}: proposed ${action.proposal.id} ($${action.proposal.total_price}) to ${action.to}.`;
    return undefined;
  },
};
