// The repeated matrix game as a state machine: phases, observations from each seat, immutability,
// checkpoint/resume through JSON, option shuffling, predict-then-act and metrics.
import { describe, expect, it } from 'vitest';
import { InvalidActionError } from '../../../src/core/errors/invalid-action-error.js';
import { Rng } from '../../../src/core/rng.js';
import { battleOfTheSexes, prisonersDilemma, prisonersDilemmaAkata } from '../../../src/games/matrix/matrix-definitions.js';
import type { MatrixGame } from '../../../src/games/matrix/matrix-game.js';
import type { MatrixState } from '../../../src/games/matrix/matrix-state.js';
import { opponentMove, ownMove } from '../../../src/games/strategies/history.js';

function make(definition = prisonersDilemma, params: Record<string, unknown> = {}): MatrixGame {
  return definition.create(definition.params.parse(params), ['ann', 'bob']) as MatrixGame;
}

function play(game: MatrixGame, rounds: Array<[string, string]>, seed = 1): MatrixState {
  const rng = Rng.fromSeed(seed);
  let state = game.init(rng);
  for (const [a, b] of rounds) state = game.apply(state, new Map([['ann', a], ['bob', b]]), rng).state;
  return state;
}

describe('phases', () => {
  it('has one simultaneous phase per round for both agents, then ends', () => {
    const game = make(prisonersDilemma, { rounds: 2 });
    const rng = Rng.fromSeed(1);
    let state = game.init(rng);
    expect(game.phase(state)).toEqual({ kind: 'simultaneous', agents: ['ann', 'bob'], round: 1, label: 'choose' });
    state = game.apply(state, new Map([['ann', 'C'], ['bob', 'D']]), rng).state;
    expect(game.phase(state)?.round).toBe(2);
    state = game.apply(state, new Map([['ann', 'C'], ['bob', 'D']]), rng).state;
    expect(game.phase(state)).toBeNull();
    expect(game.isOver(state)).toBe(true);
  });

  it('reports the payoffs of a round as outcomes', () => {
    const game = make();
    const rng = Rng.fromSeed(1);
    const { outcomes } = game.apply(game.init(rng), new Map([['ann', 'D'], ['bob', 'C']]), rng);
    expect(outcomes).toEqual([
      { type: 'payoff', agent: 'ann', value: 5 },
      { type: 'payoff', agent: 'bob', value: 0 },
    ]);
  });

  it('rejects an unknown label as an illegal action', () => {
    const game = make();
    const rng = Rng.fromSeed(1);
    expect(() => game.apply(game.init(rng), new Map([['ann', 'X'], ['bob', 'C']]), rng)).toThrow(InvalidActionError);
    expect(game.actionSchema().safeParse('X').success).toBe(false);
    expect(game.defaultAction()).toBe('C');
  });
});

describe('observations', () => {
  it('show each agent its own moves and payoffs as "own" and the rules from its side', () => {
    const game = make(battleOfTheSexes);
    const state = play(game, [['J', 'F']]);
    const ann = game.observe(state, 'ann');
    const bob = game.observe(state, 'bob');
    expect([ownMove(ann), opponentMove(ann)]).toEqual([0, 1]);
    expect([ownMove(bob), opponentMove(bob)]).toEqual([1, 0]);
    expect(ann.round).toBe(2);
    expect(ann.rules[0]?.[0]).toEqual([10, 7]); // ann: J against J
    expect(bob.rules[0]?.[0]).toEqual([7, 10]); // bob: J against J, his payoff first
    expect(bob.rules[1]?.[1]).toEqual([10, 7]); // bob prefers F
    expect(() => game.observe(state, 'eve')).toThrow(/not in this game/);
  });
});

describe('state', () => {
  it('is never mutated by apply: a state can be branched', () => {
    const game = make();
    const rng = Rng.fromSeed(1);
    const base = play(game, [['C', 'C']]);
    const snapshot = JSON.stringify(base);
    const left = game.apply(base, new Map([['ann', 'C'], ['bob', 'D']]), rng).state;
    const right = game.apply(base, new Map([['ann', 'D'], ['bob', 'D']]), rng).state;
    expect(JSON.stringify(base)).toBe(snapshot);
    expect(game.payoffs(left)).toEqual({ ann: 3, bob: 8 });
    expect(game.payoffs(right)).toEqual({ ann: 4, bob: 4 });
  });

  it('survives a JSON checkpoint: resuming gives the same game', () => {
    const game = make(prisonersDilemmaAkata);
    const moves: Array<[string, string]> = [['J', 'F'], ['F', 'F'], ['J', 'J'], ['F', 'J']];
    const rng = Rng.fromSeed(9);
    let state = game.init(rng);
    for (const [a, b] of moves.slice(0, 2)) state = game.apply(state, new Map([['ann', a], ['bob', b]]), rng).state;
    const json = JSON.stringify(state);
    expect(JSON.parse(json).last).toEqual([expect.objectContaining({ a: 0, b: 1 }), expect.objectContaining({ a: 1, b: 1, ta: 5, tb: 15 })]);
    let resumed = game.revive(JSON.parse(json) as MatrixState);
    const resumedRng = Rng.fromState(rng.getState());
    for (const [a, b] of moves.slice(2)) {
      state = game.apply(state, new Map([['ann', a], ['bob', b]]), rng).state;
      resumed = game.apply(resumed, new Map([['ann', a], ['bob', b]]), resumedRng).state;
    }
    expect(resumed).toEqual(state);
    expect(game.payoffs(resumed)).toEqual({ ann: 0 + 5 + 8 + 10, bob: 10 + 5 + 8 + 0 });
  });
});

describe('option order', () => {
  it('is the label order without shuffling', () => {
    const game = make();
    expect(game.observe(play(game, [['C', 'C']]), 'ann').options).toEqual(['C', 'D']);
  });

  it('is shuffled each round from the game rng, reproducibly per seed', () => {
    const game = make(prisonersDilemmaAkata, { rounds: 40 });
    const orders = (seed: number) => {
      const rng = Rng.fromSeed(seed);
      let state = game.init(rng);
      const seen: string[] = [];
      while (!game.isOver(state)) {
        seen.push(game.observe(state, 'ann').options.join(''));
        state = game.apply(state, new Map([['ann', 'J'], ['bob', 'J']]), rng).state;
      }
      return seen;
    };
    expect(orders(5)).toEqual(orders(5));
    expect(orders(5)).not.toEqual(orders(6));
    expect(new Set(orders(5))).toEqual(new Set(['JF', 'FJ']));
  });
});

describe('predict-then-act', () => {
  it('runs a predict phase before each choice and scores the predictions', () => {
    const game = make(prisonersDilemma, { variant: 'predict-then-act', rounds: 2 });
    const rng = Rng.fromSeed(1);
    let state = game.init(rng);
    expect(game.phase(state)?.label).toBe('predict');
    state = game.apply(state, new Map([['ann', 'D'], ['bob', 'C']]), rng).state; // ann predicts D, bob predicts C
    expect(game.phase(state)).toMatchObject({ label: 'choose', round: 1 });
    expect(game.observe(state, 'ann').prediction).toBe('D');
    state = game.apply(state, new Map([['ann', 'C'], ['bob', 'D']]), rng).state; // both predictions right
    expect(game.phase(state)).toMatchObject({ label: 'predict', round: 2 });
    expect(game.observe(state, 'ann').prediction).toBeUndefined();
    state = game.apply(state, new Map([['ann', 'D'], ['bob', 'C']]), rng).state;
    state = game.apply(state, new Map([['ann', 'C'], ['bob', 'C']]), rng).state; // ann wrong (said D), bob right
    expect(game.metrics(state)).toMatchObject({ 'prediction-accuracy:ann': 0.5, 'prediction-accuracy:bob': 1 });
    expect(game.payoffs(state)).toEqual({ ann: 0 + 3, bob: 5 + 3 });
  });
});

describe('metrics', () => {
  it('gives cooperation rates, mean payoffs and welfare (hand-computed)', () => {
    const game = make();
    // C/C 3,3; C/D 0,5; D/C 5,0; D/D 1,1
    const state = play(game, [['C', 'C'], ['C', 'D'], ['D', 'C'], ['D', 'D']]);
    expect(game.metrics(state)).toEqual({
      rounds: 4,
      welfare: 18,
      'payoff:ann': 9,
      'payoff:bob': 9,
      'mean-payoff': 18 / 8,
      'mean-payoff:ann': 9 / 4,
      'mean-payoff:bob': 9 / 4,
      'cooperation-rate': 0.5,
      'cooperation-rate:ann': 0.5,
      'cooperation-rate:bob': 0.5,
      'mutual-cooperation-rate': 0.25,
    });
  });

  it('has no cooperation metrics in a game without a cooperative option', () => {
    const game = make(battleOfTheSexes);
    expect(Object.keys(game.metrics(play(game, [['J', 'J']])))).not.toContain('cooperation-rate');
  });
});
