import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/agents/agent.js';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import { Rng } from '../../src/core/rng.js';
import { createLinearPublicGoodsGame, createSequentialPublicGoodsGame } from '../../src/games/public-goods/index.js';
import { contributorRole } from '../../src/roles/contributor.js';

const memory = { kind: 'full' as const, add() {}, view: () => [], snapshot: () => null, restore() {} };
const agent: AgentView = { id: 'p1', role: 'contributor', memory };
const rng = Rng.fromSeed(1);

describe('contributor role', () => {
  it('renders the linear game with the MPCR and history, and parses the answer', () => {
    const game = createLinearPublicGoodsGame({ agents: 2, multiplier: 1.5, rounds: 3 }, ['p1', 'p2']);
    const state = game.apply(game.init(rng), new Map([['p1', { contribution: 4 }], ['p2', { contribution: 6 }]]), rng).state;
    const observation = game.observe(state, 'p1');
    const schema = game.actionSchema(state, 'p1');
    const text = contributorRole.render({ agent, observation, schema }).map((m) => m.content).join('\n');
    expect(text).toContain('returns 0.75 units to you');
    expect(text).toContain('Round 1: you put in 4, the group put in 10 in total, you earned 23.5.');
    expect(contributorRole.parse('Justification: hedge.\nAnswer: 7', schema, observation)).toEqual({ contribution: 7 });
    expect(() => contributorRole.parse('Answer: 25', schema, observation)).toThrow(/illegal/);
    expect(() => contributorRole.parse('seven', schema, observation)).toThrow(InvalidActionError);
  });

  it('renders the sequential game with the visible predecessors and reads the contribution text', () => {
    const game = createSequentialPublicGoodsGame({ observation: 'partial' }, ['a', 'b', 'c']);
    let state = game.apply(game.init(rng), new Map([['a', { quality: 0.9, text: 'first idea' }]]), rng).state;
    state = game.apply(state, new Map([['b', { quality: 0.5, text: 'second idea' }]]), rng).state;
    const observation = game.observe(state, 'c');
    const text = contributorRole.render({ agent, observation, schema: game.actionSchema(state, 'c') }).map((m) => m.content).join('\n');
    expect(text).toContain('Agent b contributed quality 0.5:\nsecond idea');
    expect(text).not.toContain('first idea');
    expect(contributorRole.parse('Contribution: final answer 42\nAnswer: 0.8', game.actionSchema(state, 'c'), observation)).toEqual({
      quality: 0.8, text: 'final answer 42',
    });
  });
});
