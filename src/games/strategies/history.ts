// Reading a matrix observation's history from the observer's seat. History nodes are stored in seat order
// (a = row player); these helpers flip them so strategies speak of "own" and "opponent" moves. O(back).
import type { MatrixObservation, RoundNode } from '../matrix/matrix-state.js';

/** Rounds played before the current one. */
export function played(obs: MatrixObservation): number {
  return obs.round - 1;
}

function nodeBack(obs: MatrixObservation, back: number): RoundNode | null {
  let node = obs.history;
  for (let k = 1; k < back && node; k++) node = node.prev;
  return node;
}

/** The opponent's action index `back` rounds ago (1 = last round), or -1 before that round existed. */
export function opponentMove(obs: MatrixObservation, back = 1): number {
  const node = nodeBack(obs, back);
  return node === null ? -1 : obs.seat === 0 ? node.b : node.a;
}

/** Own action index `back` rounds ago, or -1. */
export function ownMove(obs: MatrixObservation, back = 1): number {
  const node = nodeBack(obs, back);
  return node === null ? -1 : obs.seat === 0 ? node.a : node.b;
}

/** The index strategies treat as "cooperate" (the cooperative label, else the first label). */
export function cooperateIndex(obs: MatrixObservation): number {
  return obs.cooperateIndex < 0 ? 0 : obs.cooperateIndex;
}

/** True when the opponent defected `back` rounds ago (false when that round does not exist). */
export function opponentDefected(obs: MatrixObservation, back = 1): boolean {
  const move = opponentMove(obs, back);
  return move >= 0 && move !== cooperateIndex(obs);
}

/** True when this agent defected `back` rounds ago. */
export function ownDefected(obs: MatrixObservation, back = 1): boolean {
  const move = ownMove(obs, back);
  return move >= 0 && move !== cooperateIndex(obs);
}

/** The opponent's defections so far (O(1): kept as a running count in the history). */
export function opponentDefections(obs: MatrixObservation): number {
  const last = obs.history;
  return last === null ? 0 : obs.seat === 0 ? last.db : last.da;
}

/** Own defections so far. */
export function ownDefections(obs: MatrixObservation): number {
  const last = obs.history;
  return last === null ? 0 : obs.seat === 0 ? last.da : last.db;
}

/** The opponent's action index in round `round` (1..3; the opening is kept for probing strategies), or -1. */
export function opponentOpening(obs: MatrixObservation, round: 1 | 2 | 3): number {
  const k = 2 * (round - 1) + (obs.seat === 0 ? 1 : 0);
  return k < obs.opening.length ? (obs.opening[k] as number) : -1;
}

/** Own action index in round `round` (1..3), or -1. */
export function ownOpening(obs: MatrixObservation, round: 1 | 2 | 3): number {
  const k = 2 * (round - 1) + (obs.seat === 0 ? 0 : 1);
  return k < obs.opening.length ? (obs.opening[k] as number) : -1;
}

/** The opponent's moves oldest first, as C/D booleans (true = defected). O(rounds): for strategies that replay a state machine. */
export function opponentDefectionsInOrder(obs: MatrixObservation): boolean[] {
  const coop = cooperateIndex(obs);
  const out: boolean[] = new Array<boolean>(obs.round - 1);
  let i = obs.round - 2;
  for (let node = obs.history; node; node = node.prev) out[i--] = (obs.seat === 0 ? node.b : node.a) !== coop;
  return out;
}

/** Own moves oldest first, as C/D booleans (true = defected). O(rounds), like `opponentDefectionsInOrder`. */
export function ownDefectionsInOrder(obs: MatrixObservation): boolean[] {
  const coop = cooperateIndex(obs);
  const out: boolean[] = new Array<boolean>(obs.round - 1);
  let i = obs.round - 2;
  for (let node = obs.history; node; node = node.prev) out[i--] = (obs.seat === 0 ? node.a : node.b) !== coop;
  return out;
}

/** The game's R, S, T, P from the observer's side (for payoff-dependent strategies such as generous TFT). */
export function rstpOf(obs: MatrixObservation): { R: number; S: number; T: number; P: number } {
  const c = cooperateIndex(obs);
  const d = c === 0 ? 1 : 0;
  const cell = (own: number, other: number): number => obs.rules[own]?.[other]?.[0] ?? 0;
  return { R: cell(c, c), S: cell(c, d), T: cell(d, c), P: cell(d, d) };
}
