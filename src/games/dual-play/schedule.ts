// The update schedule of dual play (spec 7): which side a trainer updates in a given round.
import type { DualPlayParams } from './params.js';
import type { UpdatingSide } from './types.js';

/**
 * `online`: both sides every round. `alternating`: blocks of `alternateEvery` rounds, the proposer's block
 * first, each side updated while the other is frozen (PasoDoble's offline variant).
 */
export function updatingSides(params: Pick<DualPlayParams, 'schedule' | 'alternateEvery'>, round: number): UpdatingSide[] {
  if (params.schedule === 'online') return ['proposer', 'solver'];
  return Math.floor(round / params.alternateEvery) % 2 === 0 ? ['proposer'] : ['solver'];
}
