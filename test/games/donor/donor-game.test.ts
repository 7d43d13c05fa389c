import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { Rng } from '../../../src/core/rng.js';
import type { Strategy } from '../../../src/games/definition.js';
import { createDonorGame, donorGameDefinition, fixedFractionDonor, neverDonate, type DonorAction, type DonorState } from '../../../src/games/donor/index.js';
import { driveGame } from '../metrics/drive-game.js';

const seats = ['a0', 'a1', 'b0', 'b1'];
const all = (s: Strategy) => () => s;

describe('donor game totals (4 agents, everyone donates 50%)', () => {
  // Hand-computed on the 4-seat schedule (see schedule.test.ts), multiplier 2, endowment 10.
  // Game 1: r1 a→b: a 5, b 20 | r2 b→a: b 10, a 25 | r3 b→a: b 5, a 35 | r4 a→b: a 17.5, b 40.
  // Game 2 (pairs reversed, resources reset): mirror image, a 40, b 17.5.
  const play = (score: 'both-games' | 'double-last-game') =>
    driveGame<DonorState>(createDonorGame({ agents: 4, generations: 1, score }, seats), all(fixedFractionDonor(0.5)));

  it('ends game 1 with a 17.5 / b 40 and game 2 with a 40 / b 17.5', () => {
    const { state } = play('both-games');
    expect(Object.fromEntries(state.population.map((a) => [a.id, a.finals]))).toEqual({
      a0: [17.5, 40], a1: [17.5, 40], b0: [40, 17.5], b1: [40, 17.5],
    });
  });

  it('scores both games by default, and 2 × game 2 under the source quirk', () => {
    expect(play('both-games').state.scores).toEqual({ a0: 57.5, a1: 57.5, b0: 57.5, b1: 57.5 });
    expect(play('double-last-game').state.scores).toEqual({ a0: 80, a1: 80, b0: 35, b1: 35 });
  });

  it('emits generation metrics tagged with the generation number', () => {
    const { outcomes, state } = play('both-games');
    const metric = (name: string) => outcomes.find((o) => o.type === 'metric' && o.name === name);
    expect(metric('gen1.average-final-resources')).toMatchObject({ value: (17.5 + 40) / 2 });
    expect(metric('gen1.average-donation-fraction')).toMatchObject({ value: 0.5 });
    expect(metric('gen1.gini')).toMatchObject({ value: 0 });
    expect(state.stage).toBe('over');
  });
});

describe('costly punishment', () => {
  it('costs the donor x and takes 2x from the recipient, floored at 0', () => {
    const game = createDonorGame({ agents: 2, generations: 1, punishment: true }, ['a', 'b']);
    let state = game.apply(game.init(Rng.fromSeed(1)), new Map([['a', { kind: 'strategy', strategy: 's' }], ['b', { kind: 'strategy', strategy: 's' }]]), Rng.fromSeed(1)).state;
    const act = (agent: string, action: DonorAction) => (state = game.apply(state, new Map([[agent, action]]), Rng.fromSeed(1)).state);
    expect(game.phase(state)?.agents).toEqual(['a']);
    act('a', { kind: 'punish', amount: 3 });
    expect(state.population.map((p) => p.resources)).toEqual([7, 4]);
    act('b', { kind: 'punish', amount: 1 }); // b donates in round 2, the last of game 1
    expect(state.population.map((p) => p.finals)).toEqual([[5], [3]]);
    expect(state.population.map((p) => p.resources)).toEqual([10, 10]); // reset before game 2
    expect(game.phase(state)?.agents).toEqual(['b']); // game 2 reverses the pair
    act('b', { kind: 'punish', amount: 3 });
    act('a', { kind: 'punish', amount: 4 });
    expect(state.population.map((p) => p.finals)).toEqual([[5, 0], [3, 0]]); // b: 7 − 8 floors at 0
    expect(game.metrics(state)).toMatchObject({ 'generations-completed': 1, punishments: 4, 'average-donation-fraction': 0 });
  });

  it('offers punish and refuse only in their variants, and rejects giving more than you hold', () => {
    const plain = createDonorGame({ agents: 2 }, ['a', 'b']);
    const state: DonorState = { ...plain.init(Rng.fromSeed(1)), stage: 'donate' };
    expect(plain.actionSchema(state, 'a').safeParse({ kind: 'punish', amount: 1 }).success).toBe(false);
    expect(plain.legality?.(state, 'a', { kind: 'donate', amount: 11 })).toMatch(/hold 10/);
    const both = createDonorGame({ agents: 2, punishment: true, refusal: true }, ['a', 'b']);
    expect(both.actionSchema(state, 'a').safeParse({ kind: 'refuse' }).success).toBe(true);
  });
});

describe('cultural evolution', () => {
  // Seats a0, a1 never donate; b0, b1 give half. Free riders end richer, so they survive.
  const mixed = (agent: string) => (agent.startsWith('a') ? neverDonate : fixedFractionDonor(0.5)) as Strategy;

  it('keeps the top half, removes the rest, and adds newcomers who see the survivors strategies and scores', () => {
    const game = createDonorGame({ agents: 4, generations: 2 }, seats);
    const { state, changes } = driveGame<DonorState>(game, mixed);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.remove).toEqual(['b0', 'b1']);
    expect(changes[0]!.add.map((a) => a.id)).toEqual(['gen2-1', 'gen2-2']);
    const inherited = changes[0]!.add[0]!.inherit as { strategies: Array<{ agent: string; strategy: string; score: number }> };
    expect(inherited.strategies.map((s) => s.agent)).toEqual(['a0', 'a1']);
    expect(inherited.strategies[0]!.strategy).toMatch(/^My strategy will be/);
    expect(inherited.strategies[0]!.score).toBe(state.summaries[0]!.scores.a0);
    expect(state.summaries.map((s) => s.generation)).toEqual([1, 2]);
    expect(state.population.map((a) => a.id)).toEqual(['a0', 'a1', 'gen2-1', 'gen2-2']);
  });

  it('asks only the newcomers for a strategy, showing them the inherited strategies', () => {
    const game = createDonorGame({ agents: 4, generations: 2 }, seats);
    let state = game.init(Rng.fromSeed(1));
    for (let i = 0; i < 1 + 8; i++) {
      const phase = game.phase(state)!;
      state = game.apply(state, new Map(phase.agents.map((a) => [a, mixed(a).decide(game.observe(state, a), Rng.fromSeed(1)) as DonorAction])), Rng.fromSeed(1)).state;
    }
    expect(game.phase(state)).toMatchObject({ label: 'strategy', agents: ['gen2-1', 'gen2-2'] });
    const observation = game.observe(state, 'gen2-1');
    expect(observation).toMatchObject({ kind: 'strategy', generation: 2 });
    expect(observation.kind === 'strategy' && observation.inherited.map((s) => s.agent)).toEqual(['a0', 'a1']);
  });

  it('is deterministic per seed', () => {
    const run = () => driveGame<DonorState>(createDonorGame({ agents: 6, generations: 3, punishment: true }, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']), mixed, 7);
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });
});

describe('parameters', () => {
  it('rejects invalid params with a ConfigError naming the path', () => {
    const expectPath = (params: unknown, agents: string[], path: string) => {
      try {
        createDonorGame(params as never, agents);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).issues[0]?.path).toBe(path);
      }
    };
    expectPath({ agents: 5 }, ['a'], 'params.agents');
    expectPath({ multiplier: -2 }, seats, 'params.multiplier');
    expectPath({ score: 'best' }, seats, 'params.score');
    expectPath({ agents: 4 }, ['a', 'b'], 'agents');
  });

  it('has the spec defaults and asks for agents accordingly', () => {
    const params = donorGameDefinition.params.parse({});
    expect(params).toMatchObject({ agents: 12, generations: 10, endowment: 10, multiplier: 2, punishmentLoss: 2, traceDepth: 3, reputationDiscount: 0.5 });
    expect(donorGameDefinition.agentCount(params)).toEqual({ min: 12, max: 12 });
    expect(donorGameDefinition.roleFor(params, 0, 'x')).toBe('donor');
  });
});
