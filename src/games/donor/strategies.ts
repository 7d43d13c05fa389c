// Scripted donors: plain code that can sit in a seat of the donor game.
import type { Strategy } from '../definition.js';
import { formatNumber } from './trace.js';
import type { DonorAction, DonorObservation } from './types.js';

type DonorStrategy = Strategy<DonorObservation, DonorAction>;
const SOURCE = 'Polis baseline for the donor game (spec §3)';

function strategyText(text: string): DonorAction {
  return { kind: 'strategy', strategy: `My strategy will be ${text}` };
}

/** Always gives `fraction` (0..1) of its current resources. */
export function fixedFractionDonor(fraction: number): DonorStrategy {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`fraction must be in [0, 1], got ${fraction}`);
  return {
    metadata: { name: `donate-${formatNumber(fraction * 100)}-percent`, stochastic: false, memoryDepth: 0, source: SOURCE },
    decide(observation) {
      if (observation.kind === 'strategy') return strategyText(`to donate ${formatNumber(fraction * 100)}% of my resources every time.`);
      if (observation.kind !== 'donate') return { kind: 'donate', amount: 0 };
      return { kind: 'donate', amount: fraction * observation.resources };
    },
  };
}

/**
 * Indirect reciprocity from the trace: give the recipient the fraction it last gave (punishing or refusing
 * counts as 0); to a recipient without history give `initial`.
 */
export function reputationConditionalDonor(initial = 0.5): DonorStrategy {
  return {
    metadata: { name: 'reputation-conditional', stochastic: false, memoryDepth: 1, source: SOURCE },
    decide(observation) {
      if (observation.kind === 'strategy') return strategyText('to give each recipient the share of resources they gave in their last donation.');
      if (observation.kind !== 'donate') return { kind: 'donate', amount: 0 };
      const last = observation.trace[0];
      const fraction = !last ? initial : last.kind === 'donate' && last.donorBefore > 0 ? last.amount / last.donorBefore : 0;
      return { kind: 'donate', amount: Math.min(1, fraction) * observation.resources };
    },
  };
}

export const neverDonate: DonorStrategy = {
  metadata: { name: 'never-donate', stochastic: false, memoryDepth: 0, source: SOURCE },
  decide(observation) {
    return observation.kind === 'strategy' ? strategyText('to keep all my resources.') : { kind: 'donate', amount: 0 };
  },
};

export const donorStrategies: Readonly<Record<string, DonorStrategy>> = {
  'donate-half': fixedFractionDonor(0.5),
  'reputation-conditional': reputationConditionalDonor(0.5),
  'never-donate': neverDonate,
};
