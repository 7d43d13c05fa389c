// The classic strategies every iterated-PD study includes (spec section 17). Each doc comment states the
// rule in C/D terms; "the opponent's last move" is the move of the previous round.
import { defineStrategy } from './define-strategy.js';
import { opponentDefected, opponentDefections, ownMove, opponentMove, played, rstpOf } from './history.js';

const AXL = 'Axelrod-Python/Axelrod@95052da';

/** Cooperator: always C. Source: Axelrod (1984); Axelrod library `Cooperator`. */
export const cooperator = defineStrategy(
  { name: 'cooperator', stochastic: false, memoryDepth: 0, source: `${AXL} axelrod/strategies/cooperator.py; spec §17` },
  () => true,
);

/** Defector: always D. Source: Axelrod (1984); Axelrod library `Defector`. */
export const defector = defineStrategy(
  { name: 'defector', stochastic: false, memoryDepth: 0, source: `${AXL} axelrod/strategies/defector.py; spec §17` },
  () => false,
);

/** Tit for tat (Rapoport): C first, then copy the opponent's last move. Winner of both of Axelrod's tournaments. */
export const titForTat = defineStrategy(
  { name: 'tit-for-tat', stochastic: false, memoryDepth: 1, source: `Axelrod (1980) "Effective choice in the PD"; ${AXL} titfortat.py; spec §17` },
  (obs) => !opponentDefected(obs),
);

/** Grudger (Friedman; "grim trigger"): C until the opponent defects once, then D forever. */
export const grudger = defineStrategy(
  { name: 'grudger', stochastic: false, memoryDepth: Infinity, source: `Friedman (1971); ${AXL} grudger.py; spec §17` },
  (obs) => opponentDefections(obs) === 0,
);

/**
 * Win-stay lose-shift (Pavlov): C first; repeat the last move when it earned R or T (the opponent
 * cooperated), switch when it earned P or S. Equivalently: C exactly when both players made the same move.
 * Source: Nowak & Sigmund (1993) Nature 364; Kraines & Kraines (1989); spec §17.
 */
export const winStayLoseShift = defineStrategy(
  { name: 'win-stay-lose-shift', stochastic: false, memoryDepth: 1, source: `Nowak & Sigmund (1993); ${AXL} memoryone.py; spec §17` },
  (obs) => played(obs) === 0 || ownMove(obs) === opponentMove(obs),
);

/** Alternator: C, D, C, D, ... regardless of the opponent. */
export const alternator = defineStrategy(
  { name: 'alternator', stochastic: false, memoryDepth: 1, source: `${AXL} alternator.py; spec §17` },
  (obs) => obs.round % 2 === 1,
);

/** Tit for two tats: C unless the opponent defected in both of the last two rounds. */
export const titForTwoTats = defineStrategy(
  { name: 'tit-for-two-tats', stochastic: false, memoryDepth: 2, source: `Axelrod (1984), submitted to the first tournament's re-run; ${AXL} titfortat.py` },
  (obs) => !(opponentDefected(obs, 1) && opponentDefected(obs, 2)),
);

/** Suspicious tit for tat: D first, then copy the opponent's last move. */
export const suspiciousTitForTat = defineStrategy(
  { name: 'suspicious-tit-for-tat', stochastic: false, memoryDepth: 1, source: `Beaufils, Delahaye & Mathieu (1996); ${AXL} titfortat.py` },
  (obs) => played(obs) > 0 && !opponentDefected(obs),
);

/**
 * Generous tit for tat: C first; after an opponent's C play C; after a D, still C with probability
 * g = min(1 - (T - R)/(R - S), (R - P)/(T - P)), from the game's payoffs (1/3 for 3,0,5,1).
 * Source: Nowak & Sigmund (1992) Nature 355 "Tit for tat in heterogeneous populations".
 */
export const generousTitForTat = defineStrategy(
  { name: 'generous-tit-for-tat', stochastic: true, memoryDepth: 1, source: `Nowak & Sigmund (1992); ${AXL} memoryone.py (GTFT)` },
  (obs, rng) => {
    if (!opponentDefected(obs)) return true;
    return rng.next() < generosity(obs);
  },
);

/** The generous TFT forgiveness probability for this game's payoffs, clamped to [0, 1]. */
export function generosity(obs: Parameters<typeof rstpOf>[0]): number {
  const { R, S, T, P } = rstpOf(obs);
  const g = Math.min(1 - (T - R) / (R - S), (R - P) / (T - P));
  return Number.isFinite(g) ? Math.min(1, Math.max(0, g)) : 0;
}

/** Random: C or D with probability 1/2 each. Source: the "RANDOM" entry of Axelrod's first tournament. */
export const random = defineStrategy(
  { name: 'random', stochastic: true, memoryDepth: 0, source: `Axelrod (1980); ${AXL} rand.py` },
  (_obs, rng) => rng.next() < 0.5,
);
