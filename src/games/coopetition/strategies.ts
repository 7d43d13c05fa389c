// Scripted coopetitors: fixed shares, and players of the Nash or coopetitive equilibrium.
import type { Strategy } from '../definition.js';
import type { CoopetitionAction, CoopetitionObservation } from './coopetition-game.js';
import { solveEquilibrium } from './equilibrium.js';

type CoopetitorStrategy = Strategy<CoopetitionObservation, CoopetitionAction>;
const SOURCE = 'Polis baseline for coopetition (spec §16)';

/** Invests `share` of its endowment every round. */
export function fixedShareInvestor(share: number): CoopetitorStrategy {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`share must be in [0, 1], got ${share}`);
  return {
    metadata: { name: `invest-${Math.round(share * 100)}-percent`, stochastic: false, memoryDepth: 0, source: SOURCE },
    decide: (o) => ({ investment: share * o.endowment }),
  };
}

/** Plays its part of the equilibrium profile of `kind` (solved from the model in the observation). */
export function equilibriumInvestor(kind: 'nash' | 'coopetitive'): CoopetitorStrategy {
  return {
    metadata: { name: `${kind}-investor`, stochastic: false, memoryDepth: 0, source: SOURCE },
    decide: (o) => ({ investment: solveEquilibrium(o.model, kind).investments[o.seat] ?? 0 }),
  };
}

export const coopetitionStrategies: Readonly<Record<string, CoopetitorStrategy>> = {
  'nash-investor': equilibriumInvestor('nash'),
  'coopetitive-investor': equilibriumInvestor('coopetitive'),
  'invest-nothing': fixedShareInvestor(0),
  'invest-half': fixedShareInvestor(0.5),
};
