import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/agents/agent.js';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import { Rng } from '../../src/core/rng.js';
import { createDonorGame, type DonorAction, type DonorObservation, type DonorState } from '../../src/games/donor/index.js';
import { donorRole } from '../../src/roles/donor.js';

const memory = { kind: 'full' as const, add() {}, view: () => [], snapshot: () => null, restore() {} };
const agent: AgentView = { id: 'a', role: 'donor', memory, persona: { name: 'Ada', traits: ['patient'], values: [] } };

function donateObservation(punishment: boolean) {
  const game = createDonorGame({ agents: 2, punishment }, ['a', 'b']);
  let state: DonorState = game.init(Rng.fromSeed(1));
  state = game.apply(state, new Map<string, DonorAction>([['a', { kind: 'strategy', strategy: 'My strategy will be fair.' }], ['b', { kind: 'strategy', strategy: 's' }]]), Rng.fromSeed(1)).state;
  state = game.apply(state, new Map<string, DonorAction>([['a', { kind: 'donate', amount: 4 }]]), Rng.fromSeed(1)).state;
  return { game, state, observation: game.observe(state, 'b') as DonorObservation };
}

describe('donor role', () => {
  it('renders the rules, the trace and the question for a donation', () => {
    const { game, state, observation } = donateObservation(true);
    const messages = donorRole.render({ agent, observation, schema: game.actionSchema(state, 'b') });
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[0]!.content).toContain('You are Ada');
    expect(messages[0]!.content).toContain('receives 2 times');
    expect(messages[0]!.content).toContain('spending x units takes 2·x units');
    expect(messages[1]!.content).toContain('In round 1, a donated 40% of their resources to b.');
    expect(messages[1]!.content).toContain('You hold 18 units. How many units do you give up?');
    expect(messages[1]!.content).toContain('"Punish, <units to spend>"');
  });

  it('leaves the punishment sentence out of the plain game', () => {
    const { game, state, observation } = donateObservation(false);
    const text = donorRole.render({ agent, observation, schema: game.actionSchema(state, 'b') }).map((m) => m.content).join('\n');
    expect(text).not.toMatch(/punish/i);
  });

  it('parses "Answer: x", "Punish, x" and rejects what it cannot read or what the variant forbids', () => {
    const { game, state, observation } = donateObservation(true);
    const schema = game.actionSchema(state, 'b');
    expect(donorRole.parse('Justification: be kind.\nAnswer: 3.5', schema, observation)).toEqual({ kind: 'donate', amount: 3.5 });
    expect(donorRole.parse('Justification: they were stingy.\nPunish, 2', schema, observation)).toEqual({ kind: 'punish', amount: 2 });
    expect(() => donorRole.parse('I am not sure', schema, observation)).toThrow(InvalidActionError);
    const plain = donateObservation(false);
    expect(() => donorRole.parse('Punish, 2', plain.game.actionSchema(plain.state, 'b'), plain.observation)).toThrow(/illegal/);
  });

  it('shows a newcomer the survivors strategies and reads back its strategy sentence', () => {
    const observation: DonorObservation = {
      kind: 'strategy', name: 'gen2-1', generation: 2,
      rules: { agents: 4, endowment: 10, multiplier: 2, punishment: false, punishmentLoss: 2, refusal: false, traceDepth: 3, generations: 3 },
      inherited: [{ agent: 'a0', strategy: 'My strategy will be to give half.', score: 57.5 }],
    };
    const schema = createDonorGame({ agents: 4 }, ['a', 'b', 'c', 'd']).actionSchema(createDonorGame({ agents: 4 }, ['a', 'b', 'c', 'd']).init(Rng.fromSeed(1)), 'a');
    const text = donorRole.render({ agent, observation, schema }).map((m) => m.content).join('\n');
    expect(text).toContain('- a0 (score 57.5): My strategy will be to give half.');
    expect(donorRole.parse('Step 1... so\nMy strategy will be to give 60% to generous players.', schema, observation)).toEqual({
      kind: 'strategy', strategy: 'My strategy will be to give 60% to generous players.',
    });
  });

  it('adds the rejected answer and the reason on a repair attempt', () => {
    const { game, state, observation } = donateObservation(false);
    const messages = donorRole.render({ agent, observation, schema: game.actionSchema(state, 'b'), feedback: { kind: 'unparsable', error: 'no number', previous: 'hmm' } });
    expect(messages.slice(-2)).toEqual([
      { role: 'assistant', content: 'hmm' },
      expect.objectContaining({ role: 'user', content: expect.stringContaining('no number') }),
    ]);
  });
});
