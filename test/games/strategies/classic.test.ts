// Transcripts of the classic strategies (definitions: spec §17; Axelrod-Python/Axelrod@95052da). Each
// expected line was worked out by hand from the strategy's rule.
import { describe, expect, it } from 'vitest';
import { prisonersDilemma } from '../../../src/games/matrix/matrix-definitions.js';
import {
  alternator, cooperator, defector, generousTitForTat, generosity, grudger, random, suspiciousTitForTat, titForTat, titForTwoTats, winStayLoseShift,
} from '../../../src/games/strategies/classic.js';
import { playMatch } from '../../../src/games/tournament/play-match.js';
import { expectPlay, moves, script } from './expect-play.js';

describe('cooperator and defector', () => {
  it('always cooperates / always defects, whatever the opponent does', () => {
    expectPlay(cooperator, defector, { turns: 3, expected: moves('CCC', 'DDD'), scores: [[0, 5], [0, 5], [0, 5]] });
    expectPlay(cooperator, alternator, { turns: 4, expected: moves('CCCC', 'CDCD') });
    expectPlay(defector, titForTat, { turns: 3, expected: moves('DDD', 'CDD') });
  });
});

describe('tit for tat', () => {
  it('cooperates first, then copies the opponent', () => {
    expectPlay(titForTat, alternator, { turns: 5, expected: [['C', 'C'], ['C', 'D'], ['D', 'C'], ['C', 'D'], ['D', 'C']] });
    expectPlay(titForTat, defector, { turns: 3, expected: moves('CDD', 'DDD'), scores: [[0, 5], [1, 1], [1, 1]] });
    expectPlay(titForTat, cooperator, { turns: 3, expected: moves('CCC', 'CCC') });
    expectPlay(titForTat, script('CDDCC'), { turns: 5, expected: moves('CCDDC', 'CDDCC') });
  });

  it('plays the same from the column seat', () => {
    expectPlay(alternator, titForTat, { turns: 5, expected: moves('CDCDC', 'CCDCD') });
  });
});

describe('grudger', () => {
  it('defects for ever after the first defection', () => {
    expectPlay(grudger, script('CDCCC'), { turns: 5, expected: moves('CCDDD', 'CDCCC') });
    expectPlay(grudger, cooperator, { turns: 3, expected: moves('CCC', 'CCC') });
  });
});

describe('win-stay lose-shift', () => {
  it('alternates against a defector (P and S both switch)', () => {
    expectPlay(winStayLoseShift, defector, { turns: 5, expected: moves('CDCDC', 'DDDDD') });
  });
  it('keeps exploiting after a temptation payoff', () => {
    expectPlay(winStayLoseShift, script('CDCCC'), { turns: 5, expected: moves('CCDDD', 'CDCCC') });
  });
});

describe('alternator, tit for two tats, suspicious tit for tat', () => {
  it('alternator plays C, D, C, D', () => {
    expectPlay(alternator, cooperator, { turns: 4, expected: moves('CDCD', 'CCCC') });
  });
  it('tit for two tats defects only after two defections in a row', () => {
    expectPlay(titForTwoTats, script('CDDCDC'), { turns: 6, expected: moves('CCCDCC', 'CDDCDC') });
  });
  it('suspicious tit for tat opens with D', () => {
    expectPlay(suspiciousTitForTat, cooperator, { turns: 3, expected: moves('DCC', 'CCC') });
    expectPlay(suspiciousTitForTat, titForTat, { turns: 4, expected: moves('DCDC', 'CDCD') });
  });
});

describe('generous tit for tat', () => {
  it('forgives with g = min(1 - (T-R)/(R-S), (R-P)/(T-P)) = 1/3 for 3,0,5,1 (Nowak & Sigmund 1992)', () => {
    const game = prisonersDilemma.create(prisonersDilemma.params.parse({}), ['a', 'b']);
    expect(generosity(game.observe(game.init(undefined as never), 'a'))).toBeCloseTo(1 / 3, 12);
    const turns = 3000;
    const result = playMatch(prisonersDilemma, [generousTitForTat, defector], { turns, seed: 7 });
    const forgiven = result.actions.slice(1).filter(([own]) => own === 'C').length;
    expect(forgiven / (turns - 1)).toBeGreaterThan(0.3);
    expect(forgiven / (turns - 1)).toBeLessThan(0.37);
  });
  it('never defects against a cooperator', () => {
    expectPlay(generousTitForTat, cooperator, { turns: 5, expected: moves('CCCCC', 'CCCCC') });
  });
});

describe('random', () => {
  it('cooperates about half the time, reproducibly for a seed', () => {
    const one = playMatch(prisonersDilemma, [random, cooperator], { turns: 2000, seed: 3 });
    const two = playMatch(prisonersDilemma, [random, cooperator], { turns: 2000, seed: 3 });
    const other = playMatch(prisonersDilemma, [random, cooperator], { turns: 2000, seed: 4 });
    expect(one.actions).toEqual(two.actions);
    expect(other.actions).not.toEqual(one.actions);
    expect(one.cooperation[0] / 2000).toBeGreaterThan(0.46);
    expect(one.cooperation[0] / 2000).toBeLessThan(0.54);
  });
});
