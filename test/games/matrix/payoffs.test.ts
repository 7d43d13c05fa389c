// Payoffs of the named matrix games, checked cell by cell against the tables in spec §2 and §17.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import type { GameDefinition } from '../../../src/games/definition.js';
import { battleOfTheSexes, chicken, matchingPennies, prisonersDilemma, prisonersDilemmaAkata, stagHunt } from '../../../src/games/matrix/matrix-definitions.js';
import type { MatrixGame } from '../../../src/games/matrix/matrix-game.js';
import type { MatrixParams } from '../../../src/games/matrix/matrix-params.js';

/** Plays one round with the given actions and returns [p1, p2]. */
function oneRound(definition: GameDefinition<MatrixParams>, a: string, b: string, params: Record<string, unknown> = {}): [number, number] {
  const game = definition.create(definition.params.parse(params), ['row', 'col']) as MatrixGame;
  const rng = Rng.fromSeed(1);
  const { state } = game.apply(game.init(rng), new Map([['row', a], ['col', b]]), rng);
  const pay = game.payoffs(state);
  return [pay['row'] as number, pay['col'] as number];
}

describe("prisoner's dilemma (Axelrod: R,S,T,P = 3,0,5,1; spec §17)", () => {
  it.each([
    ['C', 'C', [3, 3]],
    ['C', 'D', [0, 5]],
    ['D', 'C', [5, 0]],
    ['D', 'D', [1, 1]],
  ] as const)('%s against %s pays %j', (a, b, expected) => {
    expect(oneRound(prisonersDilemma, a, b)).toEqual(expected);
  });

  it('takes "R,S,T,P" overrides', () => {
    expect(oneRound(prisonersDilemma, 'C', 'D', { payoffs: '4,-1,6,2' })).toEqual([-1, 6]);
    expect(oneRound(prisonersDilemma, 'D', 'D', { payoffs: { R: 4, S: -1, T: 6, P: 2 } })).toEqual([2, 2]);
  });
});

describe("the repeated-games study's PD (8/0/10/5, J/F; spec §2)", () => {
  it.each([
    ['J', 'J', [8, 8]],
    ['J', 'F', [0, 10]],
    ['F', 'J', [10, 0]],
    ['F', 'F', [5, 5]],
  ] as const)('%s against %s pays %j', (a, b, expected) => {
    expect(oneRound(prisonersDilemmaAkata, a, b)).toEqual(expected);
  });
});

describe('battle of the sexes (player 1 prefers J, player 2 F; spec §2)', () => {
  it.each([
    ['J', 'J', [10, 7]],
    ['F', 'F', [7, 10]],
    ['J', 'F', [0, 0]],
    ['F', 'J', [0, 0]],
  ] as const)('%s against %s pays %j', (a, b, expected) => {
    expect(oneRound(battleOfTheSexes, a, b)).toEqual(expected);
  });
});

describe('stag hunt, chicken, matching pennies', () => {
  it('stag hunt is catalogue #78 (4,4 | 1,3 | 3,1 | 2,2)', () => {
    expect([oneRound(stagHunt, 'C', 'C'), oneRound(stagHunt, 'C', 'D'), oneRound(stagHunt, 'D', 'C'), oneRound(stagHunt, 'D', 'D')]).toEqual([
      [4, 4], [1, 3], [3, 1], [2, 2],
    ]);
  });
  it('chicken is catalogue #12 (3,3 | 2,4 | 4,2 | 1,1)', () => {
    expect([oneRound(chicken, 'C', 'C'), oneRound(chicken, 'C', 'D'), oneRound(chicken, 'D', 'C'), oneRound(chicken, 'D', 'D')]).toEqual([
      [3, 3], [2, 4], [4, 2], [1, 1],
    ]);
  });
  it('matching pennies is zero-sum: the row player wins on a match', () => {
    expect(oneRound(matchingPennies, 'H', 'H')).toEqual([1, -1]);
    expect(oneRound(matchingPennies, 'H', 'T')).toEqual([-1, 1]);
  });
});
