// Transcripts for the anchor set that runs side by side with Axelrod's library, taken from Axelrod's own
// strategy tests (Axelrod-Python/Axelrod@95052da, axelrod/tests/strategies/): test_axelrod_second.py
// TestTester, test_prober.py TestProber2, test_titfortat.py TestHardTitFor2Tats and TestOmegaTFT,
// test_cycler.py test_cycler_factory("DDC"/"CCCD"). Axelrod's MockPlayer repeats its list, as `script` does.
import { describe, expect, it } from 'vitest';
import { alternator, cooperator, defector, suspiciousTitForTat } from '../../../src/games/strategies/classic.js';
import { cyclerCCCD, cyclerDDC, prober2, tester } from '../../../src/games/strategies/probing.js';
import { strategies } from '../../../src/games/strategies/registry.js';
import { hardTitForTwoTats, omegaTitForTat } from '../../../src/games/strategies/retaliating.js';
import { expectPlay, moves, script } from './expect-play.js';

describe("Axelrod's transcripts", () => {
  it('tester (SecondByTester): D, C, C, then alternates against a cooperator; apologises and plays TFT once the opponent defects', () => {
    // actions = [(D, C)] + [(C, C), (C, C)] + [(D, C), (C, C)] * 4
    expectPlay(tester, cooperator, { turns: 11, expected: moves('DCCDCDCDCDC', 'CCCCCCCCCCC') });
    // actions = [(D, C), (C, D), (C, C)]
    expectPlay(tester, alternator, { turns: 3, expected: moves('DCC', 'CDC') });
    // MockPlayer([C, D, C, D, D, C]): [(D, C), (C, D), (C, C), (C, D), (D, D), (D, C), (C, C)]
    expectPlay(tester, script('CDCDDC'), { turns: 7, expected: moves('DCCCDDC', 'CDCDDCC') });
  });

  it('prober 2: D, C, C; C for ever after the opponent answered D then C in rounds 2 and 3; otherwise TFT', () => {
    expectPlay(prober2, alternator, { turns: 6, expected: moves('DCCCCC', 'CDCDCD') });
    expectPlay(prober2, script('DDC'), { turns: 6, expected: moves('DCCCCC', 'DDCDDC') });
    expectPlay(prober2, cooperator, { turns: 5, expected: moves('DCCCC', 'CCCCC') });
    expectPlay(prober2, defector, { turns: 5, expected: moves('DCCDD', 'DDDDD') });
    expectPlay(prober2, script('DC'), { turns: 6, expected: moves('DCCDCD', 'DCDCDC') });
  });

  it('hard tit for 2 tats punishes two consecutive defections within the last three moves', () => {
    // MockPlayer([D, C, C, D, D, D, C]): [(C, D), (C, C), (C, C), (C, D), (C, D), (D, D), (D, C)]
    expectPlay(hardTitForTwoTats, script('DCCDDDC'), { turns: 7, expected: moves('CCCCCDD', 'DCCDDDC') });
  });

  it('omega TFT (3, 8) breaks a deadlock with suspicious TFT and defects for good against an alternator', () => {
    expectPlay(omegaTitForTat, suspiciousTitForTat, { turns: 9, expected: moves('CDCDCCCCC', 'DCDCDCCCC') });
    expectPlay(omegaTitForTat, alternator, { turns: 14, expected: moves('CCDCDCCCDDDDDD', 'CDCDCDCDCDCDCD') });
  });

  it('cyclers DDC and CCCD repeat their cycle against a cooperator (20 turns)', () => {
    expectPlay(cyclerDDC, cooperator, { turns: 20, expected: moves('DDC'.repeat(7).slice(0, 20), 'C'.repeat(20)) });
    expectPlay(cyclerCCCD, cooperator, { turns: 20, expected: moves('CCCD'.repeat(5), 'C'.repeat(20)) });
  });

  it('are registered under their names, with memory depths as Axelrod classifies them', () => {
    const depth = (name: string) => strategies[name]?.metadata.memoryDepth;
    expect([depth('cycler-ddc'), depth('cycler-cccd'), depth('prober-2'), depth('hard-tit-for-2-tats'), depth('omega-tft')]).toEqual([2, 3, Infinity, 3, Infinity]);
  });
});
