// The resource's dynamics and the norm (spec §5). Pure functions of numbers.
import type { CommonsParams } from './params.js';

type Dynamics = Pick<CommonsParams, 'capacity' | 'regrowth' | 'growthRate'>;

/** Stock after harvesting `harvest` from `stock` and regrowing, clamped to [0, K]. */
export function regrow(stock: number, harvest: number, p: Dynamics): number {
  const next = p.regrowth === 'doubling' ? 2 * (stock - harvest) : stock - harvest + p.growthRate * stock * (1 - stock / p.capacity);
  return Math.min(p.capacity, Math.max(0, next));
}

/** The total harvest that leaves the stock where it is after regrowth (0 when it cannot be kept). */
export function sustainableHarvest(stock: number, p: Dynamics): number {
  if (p.regrowth === 'doubling') return stock / 2;
  return Math.max(0, p.growthRate * stock * (1 - stock / p.capacity));
}

/** The per-agent harvest limit this round. */
export function normLimit(stock: number, p: Dynamics & Pick<CommonsParams, 'norm' | 'agents'>): number {
  return p.norm === 'sustainable-share' ? sustainableHarvest(stock, p) / p.agents : p.norm;
}

/**
 * Harvests actually taken: requests are granted in full when they fit in the stock; otherwise the stock is
 * shared in proportion to the requests (h_i = r_i · S / Σr), so nobody gains by asking first or loudest.
 */
export function rationHarvests(requests: readonly number[], stock: number): number[] {
  const total = requests.reduce((a, b) => a + b, 0);
  if (total <= stock) return [...requests];
  return requests.map((r) => (r * stock) / total);
}
