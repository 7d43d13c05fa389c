// Payoff-biased social learning (spec §5): between rounds, every agent i picks a random peer j ≠ i and copies
// j's strategy with the Fermi probability 1/(1 + exp(−β(π_j − π_i))), π being last round's payoffs.
// Updates are synchronous: everyone looks at the strategies held before anyone copied.
import type { Rng } from '../../core/rng.js';

/** The Fermi imitation probability of an agent earning `own` copying a peer earning `peer`. */
export function fermi(own: number, peer: number, beta: number): number {
  return 1 / (1 + Math.exp(-beta * (peer - own)));
}

/** One synchronous imitation step; the rng draws the peer, then the coin, agent by agent in seat order. */
export function socialLearningStep<S>(strategies: readonly S[], payoffs: readonly number[], beta: number, rng: Rng): S[] {
  const n = strategies.length;
  if (n < 2) return [...strategies];
  return strategies.map((own, i) => {
    const pick = rng.int(0, n - 2);
    const j = pick >= i ? pick + 1 : pick;
    return rng.bernoulli(fermi(payoffs[i] as number, payoffs[j] as number, beta)) ? (strategies[j] as S) : own;
  });
}
