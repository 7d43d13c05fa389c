// Scripted contributors for both public goods games.
import type { Strategy } from '../definition.js';
import type { LinearPublicGoodsAction, LinearPublicGoodsObservation } from './linear-game.js';
import type { SequentialPublicGoodsAction, SequentialPublicGoodsObservation } from './sequential-game.js';

const SOURCE = 'Polis baseline (spec §4)';

/** Contributes `fraction` of the endowment every round (0 = free rider, 1 = full contributor). */
export function fixedFractionContributor(fraction: number): Strategy<LinearPublicGoodsObservation, LinearPublicGoodsAction> {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`fraction must be in [0, 1], got ${fraction}`);
  return {
    metadata: { name: `contribute-${Math.round(fraction * 100)}-percent`, stochastic: false, memoryDepth: 0, source: SOURCE },
    decide: (o) => ({ contribution: fraction * o.endowment }),
  };
}

/** Conditional cooperator (Fischbacher, Gächter & Fehr 2001): matches the others' average of the last round; half the endowment first. */
export const conditionalCooperator: Strategy<LinearPublicGoodsObservation, LinearPublicGoodsAction> = {
  metadata: { name: 'conditional-cooperator', stochastic: false, memoryDepth: 1, source: 'Fischbacher, Gächter & Fehr, Econ. Letters 2001' },
  decide(o) {
    const last = o.history[o.history.length - 1];
    if (!last) return { contribution: o.endowment / 2 };
    return { contribution: Math.min(o.endowment, (last.groupTotal - last.own) / (o.agents - 1)) };
  },
};

export const linearPublicGoodsStrategies: Readonly<Record<string, Strategy<LinearPublicGoodsObservation, LinearPublicGoodsAction>>> = {
  'free-rider': fixedFractionContributor(0),
  'full-contributor': fixedFractionContributor(1),
  'conditional-cooperator': conditionalCooperator,
};

/** Always the same quality (clamped to the game's range). */
export function fixedQuality(quality: number): Strategy<SequentialPublicGoodsObservation, SequentialPublicGoodsAction> {
  return {
    metadata: { name: `quality-${quality}`, stochastic: false, memoryDepth: 0, source: SOURCE },
    decide: (o) => ({ quality: Math.min(o.params.cMax, Math.max(o.params.cMin, quality)) }),
  };
}

/** Matches the mean quality it can see (c_max when first). */
export const matchPredecessors: Strategy<SequentialPublicGoodsObservation, SequentialPublicGoodsAction> = {
  metadata: { name: 'match-predecessors', stochastic: false, memoryDepth: 0, source: SOURCE },
  decide(o) {
    if (o.predecessors.length === 0) return { quality: o.params.cMax };
    return { quality: o.predecessors.reduce((s, c) => s + c.quality, 0) / o.predecessors.length };
  },
};

export const sequentialPublicGoodsStrategies: Readonly<Record<string, Strategy<SequentialPublicGoodsObservation, SequentialPublicGoodsAction>>> = {
  'full-effort': fixedQuality(Number.POSITIVE_INFINITY),
  'minimal-effort': fixedQuality(0),
  'match-predecessors': matchPredecessors,
};
