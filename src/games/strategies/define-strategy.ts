// Turns a C/D rule into a `Strategy` over matrix observations. The rule answers "cooperate?"; the wrapper
// maps that to the game's cooperative/defective labels, so one definition plays the PD (C/D), the
// repeated-games study's J/F games or any 2x2 catalogue game.
import type { Rng } from '../../core/rng.js';
import type { Strategy, StrategyMetadata } from '../definition.js';
import type { MatrixObservation } from '../matrix/matrix-state.js';
import { opponentMove } from './history.js';

export type MatrixStrategy = Strategy<MatrixObservation, string>;

/** A rule: true = cooperate, false = defect. */
export type CooperateRule = (obs: MatrixObservation, rng: Rng) => boolean;

/**
 * The prediction a scripted player gives in the predict-then-act variant's predict step: the opponent
 * repeats its last action (its first label in round 1). Scripted players have no theory of mind; this keeps
 * them playable in that variant without changing their choices.
 */
export function naivePrediction(obs: MatrixObservation): string {
  const last = opponentMove(obs);
  return obs.labels[last < 0 ? 0 : last] as string;
}

export function defineStrategy(metadata: StrategyMetadata, rule: CooperateRule): MatrixStrategy {
  return {
    metadata,
    decide(obs: MatrixObservation, rng: Rng): string {
      if (obs.step === 'predict') return naivePrediction(obs);
      if (obs.labels.length !== 2) {
        throw new RangeError(`strategy ${metadata.name} plays 2-action games; ${obs.game} has ${obs.labels.length} options`);
      }
      return rule(obs, rng) ? obs.cooperate : obs.defect;
    },
  };
}

/** A strategy that plays labels by position (the repeated-games study's scripted J/F players). */
export function defineLabelStrategy(metadata: StrategyMetadata, pick: (obs: MatrixObservation) => number): MatrixStrategy {
  return {
    metadata,
    decide(obs: MatrixObservation): string {
      if (obs.step === 'predict') return naivePrediction(obs);
      return obs.labels[pick(obs)] as string;
    },
  };
}
