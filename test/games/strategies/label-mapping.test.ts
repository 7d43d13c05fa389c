// Strategies play any 2x2 game through its cooperative/defective labels, and the repeated-games study's
// scripted players (spec §2) play labels by position.
import { describe, expect, it } from 'vitest';
import { battleOfTheSexes, matrix, prisonersDilemmaAkata, stagHunt } from '../../../src/games/matrix/matrix-definitions.js';
import { actF, actJ, alternateFJ, alternateJF, defectOnce } from '../../../src/games/strategies/akata-players.js';
import { defector, grudger, titForTat } from '../../../src/games/strategies/classic.js';
import { playMatch } from '../../../src/games/tournament/play-match.js';
import { expectPlay, moves } from './expect-play.js';

describe('label mapping', () => {
  it('tit for tat plays J/F in the study PD (J cooperates)', () => {
    expectPlay(titForTat, defectOnce, { game: prisonersDilemmaAkata, turns: 3, expected: moves('JFJ', 'FJJ'), scores: [[0, 10], [10, 0], [8, 8]] });
  });
  it('grudger treats the custom cooperative label as C', () => {
    expectPlay(grudger, defector, {
      turns: 3,
      params: { labels: ['keep', 'cheat'] },
      expected: [['keep', 'cheat'], ['cheat', 'cheat'], ['cheat', 'cheat']],
    });
  });
  it('works in a catalogue game (stag hunt #78: the first option is the stag)', () => {
    expectPlay(titForTat, defector, { game: matrix, params: { catalogue: 78 }, turns: 2, expected: moves('JF', 'FF'), scores: [[1, 3], [2, 2]] });
    expectPlay(titForTat, defector, { game: stagHunt, turns: 2, expected: moves('CD', 'DD'), scores: [[1, 3], [2, 2]] });
  });
  it('refuses games with more than two options', () => {
    const payoffs = [[[1, 1], [0, 0], [0, 0]], [[0, 0], [1, 1], [0, 0]], [[0, 0], [0, 0], [1, 1]]];
    expect(() => playMatch(matrix, [titForTat, defector], { turns: 1, params: { payoffs } })).toThrow(/plays 2-action games/);
  });
});

describe("the repeated-games study's scripted players", () => {
  it('act_j, act_f and defect_once', () => {
    expectPlay(actJ, actF, { game: prisonersDilemmaAkata, turns: 3, expected: moves('JJJ', 'FFF'), scores: [[0, 10], [0, 10], [0, 10]] });
    expectPlay(defectOnce, actJ, { game: prisonersDilemmaAkata, turns: 3, expected: moves('FJJ', 'JJJ') });
  });
  it('alternating jf and fj in the battle of the sexes never coordinate', () => {
    expectPlay(alternateJF, alternateFJ, { game: battleOfTheSexes, turns: 4, expected: moves('JFJF', 'FJFJ'), scores: [[0, 0], [0, 0], [0, 0], [0, 0]] });
    expectPlay(alternateJF, alternateJF, { game: battleOfTheSexes, turns: 2, expected: moves('JF', 'JF'), scores: [[10, 7], [7, 10]] });
  });
});
