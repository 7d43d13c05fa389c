import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/agents/agent.js';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import { Rng } from '../../src/core/rng.js';
import { customerActionSchema, loadMarket, MarketplaceGame, type CustomerObservation } from '../../src/games/marketplace/index.js';
import { businessRole } from '../../src/roles/business.js';
import { customerRole } from '../../src/roles/customer.js';

const memory = { kind: 'full' as const, add() {}, view: () => [], snapshot: () => null, restore() {} };
const game = new MarketplaceGame({ market: loadMarket('mexican_3_9') });
const rng = Rng.fromSeed(1);
const s0 = game.init(rng);
const s1 = game.apply(s0, new Map([['customer_0001', { type: 'search' as const, query: '', algorithm: 'optimal' as const }]]), rng).state;

describe('customerRole', () => {
  const agent: AgentView = { id: 'customer_0001', role: 'customer', memory, persona: { name: 'Susan', traits: ['frugal'], values: [] } };
  const obs = game.observe(s1, 'customer_0001') as CustomerObservation;
  const messages = customerRole.render({ agent, observation: obs, schema: customerActionSchema });

  it('shows the request, the search results with menus, and the action format', () => {
    const text = messages.map((m) => m.content).join('\n');
    expect(messages[0]?.role).toBe('system');
    expect(text).toContain('Savory Pumpkin Empanadas ($9.49)');
    expect(text).toContain('Outdoor Seating');
    expect(text).toMatch(/business_0001 "Poblano Palate" \(rating 1\)/);
    expect(text).toContain('"type": "end_transaction"');
    expect(text).toContain('You are Susan');
  });

  it('reads a JSON action, fenced or bare, and rejects prose', () => {
    expect(customerRole.parse('```json\n{"type":"pay","business":"business_0001","proposal_id":"p1"}\n```', customerActionSchema, obs)).toEqual({
      type: 'pay',
      business: 'business_0001',
      proposal_id: 'p1',
    });
    expect(() => customerRole.parse('I would like to pay', customerActionSchema, obs)).toThrow(InvalidActionError);
    expect(() => customerRole.parse('{"type":"dance"}', customerActionSchema, obs)).toThrow(InvalidActionError);
  });
});

describe('businessRole', () => {
  it('shows its menu and the conversation with each customer', () => {
    const s2 = game.apply(s1, new Map([['customer_0001', { type: 'send_messages' as const, messages: [{ to: 'business_0001', content: 'Two empanadas please' }] }]]), rng).state;
    const agent: AgentView = { id: 'business_0001', role: 'business', memory };
    const text = businessRole
      .render({ agent, observation: game.observe(s2, 'business_0001') as never, schema: customerActionSchema as never })
      .map((m) => m.content)
      .join('\n');
    expect(text).toContain('Savory Pumpkin Empanadas: 10.78');
    expect(text).toMatch(/customer_0001:\n {2}\[tick 1\] customer_0001: Two empanadas please/);
  });
});
