import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/agents/agent.js';
import { Rng } from '../../src/core/rng.js';
import { createCoopetitionGame } from '../../src/games/coopetition/index.js';
import { coopetitorRole } from '../../src/roles/coopetitor.js';

const memory = { kind: 'full' as const, add() {}, view: () => [], snapshot: () => null, restore() {} };
const agent: AgentView = { id: 'b', role: 'coopetitor', memory };
const rng = Rng.fromSeed(1);

describe('coopetitor role', () => {
  it('renders the value rule, the surplus share, the linked reward and the history; parses the answer', () => {
    const game = createCoopetitionGame({ rewardMode: 'integrated', interdependence: 0.5, trust: 0.8 }, ['a', 'b']);
    const state = game.apply(game.init(rng), new Map([['a', { investment: 30 }], ['b', { investment: 20 }]]), rng).state;
    const observation = game.observe(state, 'b');
    const schema = game.actionSchema(state, 'b');
    const text = coopetitorRole.render({ agent, observation, schema }).map((m) => m.content).join('\n');
    expect(text).toContain('investing a units gives you 20·ln(1 + a)');
    expect(text).toContain('of which you receive 50%');
    expect(text).toContain("plus 0.4 of firm 1's results");
    expect(text).toContain('Round 1: investments firm 1 30, firm 2 (you) 20');
    expect(coopetitorRole.parse('Justification: ok\nAnswer: 25', schema, observation)).toEqual({ investment: 25 });
    expect(() => coopetitorRole.parse('Answer: 250', schema, observation)).toThrow(/illegal/);
  });
});
