// Closed forms of the linear public goods game.

/** Round payoffs: payoff_i = e − x_i + (m/N)·Σ_j x_j. */
export function linearPublicGoodsPayoffs(endowment: number, multiplier: number, contributions: readonly number[]): number[] {
  const n = contributions.length;
  const share = (multiplier / n) * contributions.reduce((a, b) => a + b, 0);
  return contributions.map((x) => endowment - x + share);
}

/** Marginal per-capita return m/N: what one unit contributed returns to the contributor. */
export function mpcr(multiplier: number, agents: number): number {
  return multiplier / agents;
}

/**
 * Agent i's best response on a grid of `steps`+1 contributions in [0, e], given the others' total.
 * Its payoff is linear in x_i with slope MPCR − 1, so the answer is 0 when MPCR < 1 and e when MPCR > 1,
 * whatever the others do; the grid search exists to check that claim, not to replace it.
 */
export function bestResponseOnGrid(endowment: number, multiplier: number, agents: number, othersTotal: number, steps = 100): number {
  let best = 0;
  let bestPayoff = -Infinity;
  for (let k = 0; k <= steps; k++) {
    const x = (endowment * k) / steps;
    const payoff = endowment - x + (multiplier / agents) * (x + othersTotal);
    if (payoff > bestPayoff + 1e-12) {
      best = x;
      bestPayoff = payoff;
    }
  }
  return best;
}
