// Every scripted matrix-game strategy by registry name (kebab-case), in a stable listing order.
import { actF, actJ, alternateFJ, alternateJF, defectOnce } from './akata-players.js';
import { alternator, cooperator, defector, generousTitForTat, grudger, random, suspiciousTitForTat, titForTat, titForTwoTats, winStayLoseShift } from './classic.js';
import type { MatrixStrategy } from './define-strategy.js';
import { cyclerCCCD, cyclerCCD, cyclerDDC, forgiver, goByMajority, grofman, handshake, hardMajority, prober, prober2, tester } from './probing.js';
import { davis, feld, firmButFair, gradual, hardTitForTat, hardTitForTwoTats, joss, omegaTitForTat, reverseTitForTat, twoTitsForTat } from './retaliating.js';

const all: MatrixStrategy[] = [
  cooperator, defector, titForTat, grudger, winStayLoseShift, alternator, titForTwoTats, suspiciousTitForTat, generousTitForTat, random,
  twoTitsForTat, hardTitForTat, hardTitForTwoTats, omegaTitForTat, reverseTitForTat, davis, feld, joss, firmButFair, gradual,
  tester, prober, prober2, handshake, cyclerCCD, cyclerDDC, cyclerCCCD, goByMajority, hardMajority, forgiver, grofman,
  actJ, actF, defectOnce, alternateJF, alternateFJ,
];

/** Strategies by name. */
export const strategies: Readonly<Record<string, MatrixStrategy>> = Object.freeze(
  Object.fromEntries(all.map((s) => [s.metadata.name, s])),
);

/** A strategy by name; throws a `RangeError` listing the known names. */
export function strategyByName(name: string): MatrixStrategy {
  const hit = strategies[name];
  if (!hit) throw new RangeError(`unknown strategy "${name}"; known: ${Object.keys(strategies).join(', ')}`);
  return hit;
}
