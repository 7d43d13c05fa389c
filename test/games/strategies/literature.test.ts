// Transcripts of the strategies from the wider literature (definitions in each strategy's doc comment;
// sources: Axelrod 1980a/b, Beaufils et al. 1996, Robson 1990, Frean 1994, Axelrod-Python/Axelrod@95052da).
// Every expected line was worked out by hand from the rule.
import { describe, expect, it } from 'vitest';
import { prisonersDilemma } from '../../../src/games/matrix/matrix-definitions.js';
import { alternator, cooperator, defector, titForTat } from '../../../src/games/strategies/classic.js';
import { cyclerCCD, forgiver, goByMajority, grofman, handshake, hardMajority, prober, tester } from '../../../src/games/strategies/probing.js';
import { strategies } from '../../../src/games/strategies/registry.js';
import { davis, feld, firmButFair, gradual, gradualCooperates, hardTitForTat, joss, reverseTitForTat, twoTitsForTat } from '../../../src/games/strategies/retaliating.js';
import { playMatch } from '../../../src/games/tournament/play-match.js';
import { expectPlay, moves, script } from './expect-play.js';

describe('retaliating strategies', () => {
  it('two tits for tat answers one D with two', () => {
    expectPlay(twoTitsForTat, script('CDCCC'), { turns: 5, expected: moves('CCDDC', 'CDCCC') });
  });
  it('hard tit for tat remembers a D for three rounds', () => {
    expectPlay(hardTitForTat, script('CDCCCC'), { turns: 6, expected: moves('CCDDDC', 'CDCCCC') });
  });
  it('reverse tit for tat opens with D and plays the opposite of the last move', () => {
    expectPlay(reverseTitForTat, cooperator, { turns: 3, expected: moves('DDD', 'CCC') });
    expectPlay(reverseTitForTat, defector, { turns: 3, expected: moves('DCC', 'DDD') });
  });
  it('davis cooperates ten rounds, then holds any earlier defection against the opponent', () => {
    expectPlay(davis, script('DCCCCCCCCCCC'), { turns: 12, expected: moves('CCCCCCCCCCDD', 'DCCCCCCCCCCC') });
    expectPlay(davis, cooperator, { turns: 12, expected: moves('CCCCCCCCCCCC', 'CCCCCCCCCCCC') });
  });
  it('firm but fair defects only right after being the sucker', () => {
    expectPlay(firmButFair, defector, { turns: 4, expected: moves('CDCD', 'DDDD') });
    expectPlay(firmButFair, script('CDCC'), { turns: 4, expected: moves('CCDC', 'CDCC') });
  });
  it('gradual answers the n-th defection with n defections and two cooperations', () => {
    expectPlay(gradual, script('DCCCCCDCCCCC'), { turns: 12, expected: moves('CDCCCCCDDCCC', 'DCCCCCDCCCCC') });
    expect(gradualCooperates([])).toBe(true);
  });
});

describe('probing and counting strategies', () => {
  it('tester probes with D, alternates against a patsy, apologises and plays TFT once punished', () => {
    expectPlay(tester, titForTat, { turns: 5, expected: moves('DCCCC', 'CDCCC') });
  });
  it('prober exploits an opponent that does not retaliate, else plays TFT', () => {
    expectPlay(prober, cooperator, { turns: 5, expected: moves('DCCDD', 'CCCCC') });
    expectPlay(prober, titForTat, { turns: 5, expected: moves('DCCCC', 'CDCCC') });
  });
  it('handshake cooperates only with an opponent that opens C, D', () => {
    expectPlay(handshake, handshake, { turns: 4, expected: moves('CDCC', 'CDCC') });
    expectPlay(handshake, cooperator, { turns: 4, expected: moves('CDDD', 'CCCC') });
  });
  it('cycler CCD repeats C, C, D', () => {
    expectPlay(cyclerCCD, cooperator, { turns: 6, expected: moves('CCDCCD', 'CCCCCC') });
  });
  it('go by majority cooperates while C is at least as frequent as D (ties cooperate)', () => {
    expectPlay(goByMajority, alternator, { turns: 5, expected: moves('CCCCC', 'CDCDC') });
    expectPlay(goByMajority, script('DDCCC'), { turns: 5, expected: moves('CDDDC', 'DDCCC') });
  });
  it('hard majority defects first and on ties', () => {
    expectPlay(hardMajority, alternator, { turns: 5, expected: moves('DCDCD', 'CDCDC') });
  });
  it('forgiver defects while the opponent defected in more than 10% of rounds', () => {
    expectPlay(forgiver, script('DCCCCCCCCCCC'), { turns: 12, expected: moves('CDDDDDDDDDCC', 'DCCCCCCCCCCC') });
  });
});

describe('stochastic strategies of the first tournament', () => {
  it('joss sneaks in a D about 10% of the time against a cooperator', () => {
    const result = playMatch(prisonersDilemma, [joss, cooperator], { turns: 3000, seed: 1 });
    const rate = 1 - result.cooperation[0] / 3000;
    expect(rate).toBeGreaterThan(0.08);
    expect(rate).toBeLessThan(0.12);
  });
  it('feld never forgives a D and cooperates less as the game goes on', () => {
    const result = playMatch(prisonersDilemma, [feld, cooperator], { turns: 400, seed: 2 });
    const early = result.actions.slice(0, 50).filter(([m]) => m === 'C').length;
    const late = result.actions.slice(200).filter(([m]) => m === 'C').length / 200;
    expect(early).toBeGreaterThan(40);
    expect(late).toBeGreaterThan(0.4);
    expect(late).toBeLessThan(0.6);
    expectPlay(feld, defector, { turns: 3, expected: moves('CDD', 'DDD') });
  });
  it('grofman cooperates after matching moves, else with probability 2/7', () => {
    expectPlay(grofman, cooperator, { turns: 4, expected: moves('CCCC', 'CCCC') });
    const result = playMatch(prisonersDilemma, [grofman, defector], { turns: 3000, seed: 5 });
    // Against a defector: a D makes the moves match (D/D), so a C always follows; a C (C/D, a mismatch)
    // is followed by C with probability 2/7 only.
    result.actions.slice(0, -1).forEach(([own], t) => {
      if (own === 'D') expect(result.actions[t + 1]?.[0]).toBe('C');
    });
    const afterC = result.actions.slice(0, -1).map(([own], t) => (own === 'C' ? result.actions[t + 1]?.[0] : undefined)).filter((m) => m !== undefined);
    const rate = afterC.filter((m) => m === 'C').length / afterC.length;
    expect(rate).toBeGreaterThan(2 / 7 - 0.04);
    expect(rate).toBeLessThan(2 / 7 + 0.04);
  });
});

describe('the registry', () => {
  it('holds every strategy under its kebab-case name with declared metadata', () => {
    const names = Object.keys(strategies);
    expect(names.length).toBeGreaterThanOrEqual(31);
    for (const [name, s] of Object.entries(strategies)) {
      expect(s.metadata.name).toBe(name);
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.metadata.source.length).toBeGreaterThan(5);
    }
    expect(strategies['joss']?.metadata.stochastic).toBe(true);
    expect(strategies['tit-for-tat']?.metadata).toMatchObject({ stochastic: false, memoryDepth: 1 });
  });
});

describe('gradual read back from the history', () => {
  it('agrees with the forward replay of its state machine against any opponent', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), (opponentDefects) => {
        const opponent = script(opponentDefects.map((d) => (d ? 'D' : 'C')).join(''));
        const { actions } = playMatch(prisonersDilemma, [gradual, opponent], { turns: opponentDefects.length });
        actions.forEach(([own], t) => expect(own === 'C').toBe(gradualCooperates(opponentDefects.slice(0, t))));
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
