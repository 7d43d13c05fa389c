import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/agents/agent.js';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import { Rng } from '../../src/core/rng.js';
import { createCommonsGame } from '../../src/games/commons/index.js';
import { harvesterRole } from '../../src/roles/harvester.js';

const memory = { kind: 'full' as const, add() {}, view: () => [], snapshot: () => null, restore() {} };
const agent: AgentView = { id: 'm', role: 'harvester', memory };
const rng = Rng.fromSeed(1);

describe('harvester role', () => {
  const game = createCommonsGame({ agents: 2, rounds: 3 }, ['m', 'x']);
  const start = game.init(rng);
  const harvested = game.apply(start, new Map([['m', { kind: 'harvest', amount: 10 }], ['x', { kind: 'harvest', amount: 40 }]]), rng).state;

  it('renders the rules, the stock and the norm, and parses a harvest', () => {
    const observation = game.observe(start, 'm');
    const messages = harvesterRole.render({ agent, observation, schema: game.actionSchema(start, 'm') });
    const text = messages.map((m) => m.content).join('\n');
    expect(text).toContain('It can hold at most 100 units');
    expect(text).toContain('what is left doubles');
    expect(text).toContain('There are 100 units in the resource now. The community norm is that nobody takes more than 25 units');
    expect(harvesterRole.parse('Justification: be careful.\nAnswer: 12.5', game.actionSchema(start, 'm'), observation)).toEqual({ kind: 'harvest', amount: 12.5 });
    expect(() => harvesterRole.parse('Answer: lots', game.actionSchema(start, 'm'), observation)).toThrow(InvalidActionError);
  });

  it('asks for monitoring and punishment, and punishing needs monitoring', () => {
    const observation = game.observe(harvested, 'm');
    const schema = game.actionSchema(harvested, 'm');
    const text = harvesterRole.render({ agent, observation, schema }).map((m) => m.content).join('\n');
    expect(text).toContain('you took 10 units; everyone together took 50');
    expect(text).toContain('costs the rule-breaker 3 units');
    expect(harvesterRole.parse('Monitor: yes\nPunish: yes', schema, observation)).toEqual({ kind: 'sanction', monitor: true, punish: true });
    expect(harvesterRole.parse('Monitor: no\nPunish: yes', schema, observation)).toEqual({ kind: 'sanction', monitor: false, punish: false });
    expect(() => harvesterRole.parse('I will punish', schema, observation)).toThrow(InvalidActionError);
  });
});
