// Scripted harvesters for the commons game.
import type { Strategy } from '../definition.js';
import type { CommonsAction, CommonsObservation } from './types.js';

type HarvesterStrategy = Strategy<CommonsObservation, CommonsAction>;
const SOURCE = 'Polis baseline for the commons game (spec §5)';

/**
 * Follows the strategy the game holds for it (the preset's draw, changed by social learning): harvest
 * `harvestFactor` × the norm; monitor and punish violators when `punish` is set.
 */
export const strategyFollower: HarvesterStrategy = {
  metadata: { name: 'strategy-follower', stochastic: false, memoryDepth: 0, source: SOURCE },
  decide: (o) =>
    o.kind === 'harvest'
      ? { kind: 'harvest', amount: o.strategy.harvestFactor * o.norm }
      : { kind: 'sanction', monitor: o.strategy.punish, punish: o.strategy.punish },
};

/** Takes exactly the norm and enforces it. */
export const sustainableHarvester: HarvesterStrategy = {
  metadata: { name: 'sustainable', stochastic: false, memoryDepth: 0, source: SOURCE },
  decide: (o) => (o.kind === 'harvest' ? { kind: 'harvest', amount: o.norm } : { kind: 'sanction', monitor: true, punish: true }),
};

/** Asks for the whole stock and never sanctions. */
export const greedyHarvester: HarvesterStrategy = {
  metadata: { name: 'greedy', stochastic: false, memoryDepth: 0, source: SOURCE },
  decide: (o) => (o.kind === 'harvest' ? { kind: 'harvest', amount: o.stock } : { kind: 'sanction', monitor: false, punish: false }),
};

/** Harvests a fixed amount every round and never sanctions. */
export function fixedHarvest(amount: number): HarvesterStrategy {
  return {
    metadata: { name: `harvest-${amount}`, stochastic: false, memoryDepth: 0, source: SOURCE },
    decide: (o) => (o.kind === 'harvest' ? { kind: 'harvest', amount } : { kind: 'sanction', monitor: false, punish: false }),
  };
}

export const commonsStrategies: Readonly<Record<string, HarvesterStrategy>> = {
  'strategy-follower': strategyFollower,
  sustainable: sustainableHarvester,
  greedy: greedyHarvester,
};
