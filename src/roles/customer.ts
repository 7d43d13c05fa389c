// The marketplace customer's assistant (spec 6.1): renders the tick's view and reads one JSON action.
import type { z } from 'zod';
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import type { CustomerAction, CustomerObservation } from '../games/marketplace/index.js';
import type { ChatMessage } from '../models/model.js';
import { feedbackMessages, readJsonAction } from './read-answer.js';
import { renderMemory } from './render-memory.js';
import type { RenderInput, Role } from './role.js';

function searchText(obs: CustomerObservation): string {
  const s = obs.lastSearch;
  if (!s) return 'none yet';
  const rows = s.profiles.map(
    (b) => `- ${b.id} "${b.name}" (rating ${b.rating}): ${b.description} Menu: ${Object.entries(b.menu).map(([i, p]) => `${i} $${p}`).join(', ')}. Amenities: ${b.amenities.join(', ') || 'none'}.`,
  );
  return `${s.algorithm} search, page ${s.page} of ${s.total_pages} (${s.total_possible_results} results)\n${rows.join('\n')}`;
}

function messagesText(obs: CustomerObservation): string {
  const m = obs.lastMessages;
  if (!m || m.messages.length === 0) return 'none';
  const rows = m.messages.map((x) =>
    x.kind === 'proposal' ? `- [tick ${x.tick}] ${x.from} proposes ${JSON.stringify(x.proposal)}` : `- [tick ${x.tick}] ${x.from}: ${x.content ?? ''}`,
  );
  return `${rows.join('\n')}${m.has_more ? '\n(more waiting)' : ''}`;
}

export const customerRole: Role<CustomerObservation, CustomerAction> = {
  name: 'customer',
  templates: ['marketplace-customer'],
  structured: true,
  render({ agent, observation: obs, feedback }: RenderInput<CustomerObservation, CustomerAction>): ChatMessage[] {
    const proposals = obs.proposals.map((p) => `- ${p.business}/${p.id}: $${p.total_price} for ${p.items.map((i) => `${i.quantity} × ${i.item_name} @ $${i.unit_price}`).join(', ')} (${p.status})`);
    return [
      ...renderPrompt(loadPrompt('marketplace-customer'), {
        persona: agent.persona ? renderPersona(agent.persona) : '',
        name: obs.you.name,
        request: obs.you.request,
        items: Object.entries(obs.you.items).map(([i, p]) => `${i} ($${p})`).join(', '),
        amenities: obs.you.amenities.join(', ') || 'none',
        tick: obs.tick,
        max_ticks: obs.maxTicks,
        memory: renderMemory(agent.memory.view()),
        search: searchText(obs),
        messages: messagesText(obs),
        proposals: proposals.length ? `\n${proposals.join('\n')}` : 'none',
        unread: obs.unread,
        rejection: obs.lastRejection ? `Your last action was rejected: ${obs.lastRejection}` : '',
      }),
      ...feedbackMessages(feedback),
    ];
  },
  parse: (text, schema) => readJsonAction(text, schema),
  remember(obs, action) {
    if (action.type === 'pay') return `Tick ${obs.tick}: paid proposal ${action.proposal_id} from ${action.business}.`;
    if (action.type === 'send_messages') return `Tick ${obs.tick}: wrote to ${action.messages.map((m) => m.to).join(', ')}.`;
    if (action.type === 'search') return `Tick ${obs.tick}: searched "${action.query}" (${action.algorithm}).`;
    return undefined;
  },
};
