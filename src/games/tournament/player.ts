// Who can sit in a match seat: a scripted `Strategy` (synchronous, the fast loop) or an asynchronous player
// (an LLM agent driven by the engine, a remote bot, ...). Both decide from the same matrix observation.
import type { Rng } from '../../core/rng.js';
import type { MatrixObservation } from '../matrix/matrix-state.js';
import type { MatrixStrategy } from '../strategies/define-strategy.js';

/** A player that answers asynchronously. `name` must be unique within a tournament. */
export interface AsyncPlayer {
  readonly name: string;
  decide(observation: MatrixObservation, rng: Rng): Promise<string>;
}

export type Player = MatrixStrategy | AsyncPlayer;

export function isScripted(player: Player): player is MatrixStrategy {
  return 'metadata' in player;
}

export function playerName(player: Player): string {
  return isScripted(player) ? player.metadata.name : player.name;
}
