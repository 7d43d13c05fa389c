// Strategies from the literature that retaliate in more (or less) measured ways than tit for tat.
import { defineStrategy } from './define-strategy.js';
import { cooperateIndex, opponentDefected, opponentDefections, opponentDefectionsInOrder, ownDefected, ownDefectionsInOrder, played } from './history.js';

const AXL = 'Axelrod-Python/Axelrod@95052da';

/** Two tits for tat: C first; D if the opponent defected in either of the last two rounds (two D's per D). */
export const twoTitsForTat = defineStrategy(
  { name: 'two-tits-for-tat', stochastic: false, memoryDepth: 2, source: `Axelrod (1984); ${AXL} titfortat.py (TwoTitsForTat)` },
  (obs) => !opponentDefected(obs, 1) && !opponentDefected(obs, 2),
);

/** Hard tit for tat: C first; D if the opponent defected in any of the last three rounds. */
export const hardTitForTat = defineStrategy(
  { name: 'hard-tit-for-tat', stochastic: false, memoryDepth: 3, source: `Stewart & Plotkin (2012) via ${AXL} titfortat.py (HardTitForTat)` },
  (obs) => !opponentDefected(obs, 1) && !opponentDefected(obs, 2) && !opponentDefected(obs, 3),
);

/** Hard tit for two tats: C first; D if the opponent defected twice in a row within its last three moves. */
export const hardTitForTwoTats = defineStrategy(
  { name: 'hard-tit-for-2-tats', stochastic: false, memoryDepth: 3, source: `Stewart & Plotkin (2012) via ${AXL} titfortat.py (HardTitFor2Tats)` },
  (obs) => {
    const d1 = opponentDefected(obs, 1);
    const d2 = opponentDefected(obs, 2);
    return !((d1 && d2) || (d2 && opponentDefected(obs, 3)));
  },
);

/** Omega TFT's thresholds as Axelrod's library sets them (deadlock 3, randomness 8). */
const OMEGA_DEADLOCK = 3;
const OMEGA_RANDOMNESS = 8;

/**
 * Omega TFT (Slany & Kienreich 2007): tit for tat that breaks C/D <-> D/C deadlocks by cooperating, and
 * defects for good once a "randomness" count (opponent switching moves, opponent's move differing from its
 * own; the opponent cooperating twice in a row lowers it) reaches 8. The counters are Axelrod's; being a function of
 * the history, they are replayed from round 3 on each decision (O(rounds)).
 */
export const omegaTitForTat = defineStrategy(
  { name: 'omega-tft', stochastic: false, memoryDepth: Infinity, source: `Slany & Kienreich (2007) via ${AXL} titfortat.py (OmegaTFT, thresholds 3 and 8)` },
  (obs) => {
    const n = played(obs);
    if (n === 0) return true;
    const opp = opponentDefectionsInOrder(obs);
    if (n === 1) return !opp[0];
    const own = ownDefectionsInOrder(obs);
    let randomness = 0;
    let deadlock = 0;
    let defect = false;
    for (let t = 2; t <= n; t++) {
      if (deadlock >= OMEGA_DEADLOCK) {
        defect = false;
        deadlock = deadlock === OMEGA_DEADLOCK ? OMEGA_DEADLOCK + 1 : 0;
        continue;
      }
      const last = opp[t - 1]!;
      const before = opp[t - 2]!;
      if (!before && !last) randomness--;
      if (before !== last) randomness++;
      if (own[t - 1] !== last) randomness++;
      if (randomness >= OMEGA_RANDOMNESS) {
        defect = true;
      } else {
        defect = last;
        deadlock = before !== last ? deadlock + 1 : 0;
      }
    }
    return !defect;
  },
);

/** Reverse tit for tat: D first, then the opposite of the opponent's last move. */
export const reverseTitForTat = defineStrategy(
  { name: 'reverse-tit-for-tat', stochastic: false, memoryDepth: 1, source: `${AXL} titfortat.py (ReverseTitForTat)` },
  (obs) => played(obs) > 0 && opponentDefected(obs),
);

/** Davis (Axelrod's first tournament): C for the first 10 rounds, then D forever once the opponent has defected at all. */
export const davis = defineStrategy(
  { name: 'davis', stochastic: false, memoryDepth: Infinity, source: `Axelrod (1980) first tournament, Morton Davis; ${AXL} axelrod_first.py` },
  (obs) => played(obs) < 10 || opponentDefections(obs) === 0,
);

/**
 * Feld (Axelrod's first tournament): D after an opponent's D; after a C, C with a probability that falls
 * linearly from 1 in round 1 to 0.5 at round 200, and stays at 0.5 after that.
 */
export const feld = defineStrategy(
  { name: 'feld', stochastic: true, memoryDepth: 200, source: `Axelrod (1980) first tournament, Scott Feld; ${AXL} axelrod_first.py` },
  (obs, rng) => {
    if (played(obs) === 0) return true;
    if (opponentDefected(obs)) return false;
    const p = Math.max(0.5, 1 - (0.5 * played(obs)) / 199);
    return rng.next() < p;
  },
);

/** Joss (Axelrod's first tournament): tit for tat that, when it would cooperate, defects with probability 0.1. C first. */
export const joss = defineStrategy(
  { name: 'joss', stochastic: true, memoryDepth: 1, source: `Axelrod (1980) first tournament, Johann Joss; ${AXL} axelrod_first.py` },
  (obs, rng) => played(obs) === 0 || (!opponentDefected(obs) && rng.next() < 0.9),
);

/** Firm but fair: C first; D only right after being the sucker (own C met the opponent's D); C otherwise. */
export const firmButFair = defineStrategy(
  { name: 'firm-but-fair', stochastic: false, memoryDepth: 1, source: `Frean (1994) Proc. R. Soc. B 257; ${AXL} memoryone.py (FirmButFair)` },
  (obs) => !(opponentDefected(obs) && !ownDefected(obs)),
);

/**
 * Gradual: C first. After the opponent's n-th defection (counting every defection so far) it answers with
 * n defections followed by two cooperations (calming), then returns to cooperating; defections seen while
 * it is punishing or calming only raise the count for the next answer.
 * Source: Beaufils, Delahaye & Mathieu (1996) "Our meeting with gradual", ALife V; Axelrod library `Gradual`.
 *
 * Its state is read back from the history instead of replayed: its own D's only come in punishment runs,
 * so the current run's length and the opponent's running defection count at the round that triggered it
 * say where it is (O(run length) per move). `gradualCooperates` is the plain forward replay, kept as the
 * reference the tests compare against.
 */
export const gradual = defineStrategy(
  { name: 'gradual', stochastic: false, memoryDepth: Infinity, source: `Beaufils, Delahaye & Mathieu (1996); ${AXL} titfortat.py (Gradual)` },
  (obs) => {
    if (played(obs) === 0) return true;
    const coop = cooperateIndex(obs);
    const seat = obs.seat;
    let node = obs.history;
    let run = 0;
    while (node && (seat === 0 ? node.a : node.b) !== coop) {
      run++;
      node = node.prev;
    }
    if (run > 0) {
      const trigger = node === null ? 0 : seat === 0 ? node.db : node.da; // the opponent's defections when the run began
      return run >= trigger;
    }
    if (ownDefected(obs, 2)) return true; // the second calming C
    return !opponentDefected(obs);
  },
);

/** Gradual's decision for the next round by forward replay of the opponent's moves (true/1 = defected), oldest first. */
export function gradualCooperates(opponent: ArrayLike<boolean | number>): boolean {
  let punish = 0;
  let calm = 0;
  let seen = 0;
  let move = true;
  for (let t = 0; t < opponent.length; t++) {
    if (opponent[t]) seen++;
    // Decide the move of round t + 2 from the state after round t + 1.
    if (punish > 0) {
      punish--;
      move = false;
      if (punish === 0) calm = 2;
    } else if (calm > 0) {
      calm--;
      move = true;
    } else if (opponent[t]) {
      punish = seen - 1;
      move = false;
      if (punish === 0) calm = 2;
    } else {
      move = true;
    }
  }
  return move;
}
