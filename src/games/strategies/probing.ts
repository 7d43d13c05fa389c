// Strategies that probe, count or follow a fixed pattern.
import { defineStrategy } from './define-strategy.js';
import { cooperateIndex, opponentDefected, opponentDefections, opponentOpening, ownDefected, ownMove, opponentMove, played } from './history.js';

const AXL = 'Axelrod-Python/Axelrod@95052da';

/**
 * Tester (Gladstein, Axelrod's second tournament; Axelrod's SecondByTester): D first to test the opponent.
 * While the opponent has never defected it plays C in rounds 2 and 3 and then alternates (D, C, D, ...:
 * the opposite of its own last move). The round after the opponent's first defection it apologises with C,
 * then plays tit for tat for the rest of the game.
 */
export const tester = defineStrategy(
  { name: 'tester', stochastic: false, memoryDepth: Infinity, source: `Axelrod (1980b) second tournament, David Gladstein; ${AXL} axelrod_second.py (SecondByTester)` },
  (obs) => {
    const n = played(obs);
    if (n === 0) return false;
    const defections = opponentDefections(obs);
    if (defections === 0) return n <= 2 || ownDefected(obs);
    if (defections === 1 && opponentDefected(obs)) return true;
    return !opponentDefected(obs);
  },
);

/**
 * Prober: D, C, C in rounds 1-3; then, if the opponent cooperated in both rounds 2 and 3, it never
 * retaliates and defects for ever; otherwise it plays tit for tat.
 */
export const prober = defineStrategy(
  { name: 'prober', stochastic: false, memoryDepth: Infinity, source: `Mathieu, Beaufils & Delahaye (1999); ${AXL} prober.py (Prober)` },
  (obs) => {
    const n = played(obs);
    if (n < 3) return n > 0;
    const coop = cooperateIndex(obs);
    if (opponentOpening(obs, 2) === coop && opponentOpening(obs, 3) === coop) return false;
    return !opponentDefected(obs);
  },
);

/**
 * Prober 2: D, C, C in rounds 1-3; then C for ever if the opponent played D then C in rounds 2 and 3,
 * otherwise tit for tat.
 */
export const prober2 = defineStrategy(
  { name: 'prober-2', stochastic: false, memoryDepth: Infinity, source: `Prison (1998) via ${AXL} prober.py (Prober2)` },
  (obs) => {
    const n = played(obs);
    if (n < 3) return n > 0;
    const coop = cooperateIndex(obs);
    if (opponentOpening(obs, 2) !== coop && opponentOpening(obs, 3) === coop) return true;
    return !opponentDefected(obs);
  },
);

/** Handshake: C, D in rounds 1-2; then C for ever if the opponent opened with the same C, D, else D for ever. */
export const handshake = defineStrategy(
  { name: 'handshake', stochastic: false, memoryDepth: Infinity, source: `Robson (1990) J. Theor. Biol. 144; ${AXL} handshake.py` },
  (obs) => {
    const n = played(obs);
    if (n < 2) return n === 0;
    const coop = cooperateIndex(obs);
    return opponentOpening(obs, 1) === coop && opponentOpening(obs, 2) !== coop;
  },
);

/** A cycler: plays `cycle` (C/D letters) over and over, regardless of the opponent. */
function cycler(cycle: string): ReturnType<typeof defineStrategy> {
  return defineStrategy(
    { name: `cycler-${cycle.toLowerCase()}`, stochastic: false, memoryDepth: cycle.length - 1, source: `${AXL} cycler.py (Cycler${cycle})` },
    (obs) => cycle[(obs.round - 1) % cycle.length] === 'C',
  );
}

/** Cycler CCD: C, C, D, C, C, D, ... */
export const cyclerCCD = cycler('CCD');
/** Cycler DDC: D, D, C, D, D, C, ... */
export const cyclerDDC = cycler('DDC');
/** Cycler CCCD: C, C, C, D, C, C, C, D, ... */
export const cyclerCCCD = cycler('CCCD');

/** Go by majority (soft majority): C first; C while the opponent's C's are at least its D's. */
export const goByMajority = defineStrategy(
  { name: 'go-by-majority', stochastic: false, memoryDepth: Infinity, source: `Axelrod (1984); ${AXL} gobymajority.py (GoByMajority)` },
  (obs) => {
    const d = opponentDefections(obs);
    return played(obs) - d >= d;
  },
);

/** Hard majority: D first; D while the opponent's D's are at least its C's, else C. */
export const hardMajority = defineStrategy(
  { name: 'hard-majority', stochastic: false, memoryDepth: Infinity, source: `${AXL} gobymajority.py (HardGoByMajority)` },
  (obs) => {
    const d = opponentDefections(obs);
    return played(obs) - d > d;
  },
);

/** Forgiver: C first; D when the opponent has defected in more than 10% of the rounds so far, else C. */
export const forgiver = defineStrategy(
  { name: 'forgiver', stochastic: false, memoryDepth: Infinity, source: `${AXL} forgiver.py (Forgiver)` },
  (obs) => opponentDefections(obs) <= 0.1 * played(obs),
);

/** Grofman (Axelrod's first tournament): C first; C when both players made the same move last round, else C with probability 2/7. */
export const grofman = defineStrategy(
  { name: 'grofman', stochastic: true, memoryDepth: 1, source: `Axelrod (1980) first tournament, Bernard Grofman; ${AXL} axelrod_first.py` },
  (obs, rng) => played(obs) === 0 || ownMove(obs) === opponentMove(obs) || rng.next() < 2 / 7,
);
