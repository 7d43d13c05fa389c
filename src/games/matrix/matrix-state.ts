// The state and observation of a repeated matrix game. History is an immutable linked list (one node per
// played round, newest first): `apply` adds one node and never touches the old ones, so a state stays valid
// after its successor exists, and no round copies the whole history (the tournament's hot path). In JSON
// (traces, checkpoints) a node is the flat list of rounds up to it (round-log.ts).
import type { AgentId } from '../game.js';
import type { PayoffPair } from './payoff-table.js';
import type { MatrixVariant } from './matrix-params.js';

/** One played round, in seat order (a = seat 0, b = seat 1), with running totals. */
export interface RoundNode {
  /** Action indices (into the labels). */
  a: number;
  b: number;
  /** Payoffs of this round. */
  pa: number;
  pb: number;
  /** Cumulative payoffs up to and including this round. */
  ta: number;
  tb: number;
  /** Cumulative count of non-cooperative actions (every action other than the cooperative label; all
   * actions but the first when the game has no cooperative label). */
  da: number;
  db: number;
  /** The round before, or null for round 1. */
  prev: RoundNode | null;
}

export type MatrixStep = 'predict' | 'choose';

export interface MatrixState {
  /** Rounds played so far. */
  played: number;
  /** `predict` (only in the predict-then-act variant) or `choose`. */
  step: MatrixStep;
  /** The newest round, or null before round 1. */
  last: RoundNode | null;
  /** Option labels in the order they are mentioned this round (shuffled when `shuffle` is on). */
  order: string[];
  /** Joint actions of the first three rounds, flattened [a1, b1, a2, b2, a3, b3] (probing strategies). */
  opening: number[];
  /** This round's predictions (action indices of the opponent) per seat, predict-then-act only. */
  predictions: number[];
  /** Correct predictions per seat so far. */
  predictionHits: number[];
}

/** What one agent sees, from its own seat. */
export interface MatrixObservation {
  game: string;
  agent: AgentId;
  opponent: AgentId;
  /** 0 = row player, 1 = column player. History nodes are in seat order; use the helpers in strategies/history.ts. */
  seat: 0 | 1;
  step: MatrixStep;
  variant: MatrixVariant;
  /** The current round, 1-based. */
  round: number;
  rounds: number;
  /** Option labels in action order. */
  labels: readonly string[];
  /** The labels in the order they are mentioned this round. */
  options: readonly string[];
  /** `rules[own][other] = [own payoff, other's payoff]`, action indices. */
  rules: ReadonlyArray<ReadonlyArray<PayoffPair>>;
  /** Index of the cooperative label, or -1 when the game has none. */
  cooperateIndex: number;
  /** Labels strategies play as C and D in a 2-action game (the cooperative label first; otherwise labels[0]). */
  cooperate: string;
  defect: string;
  history: RoundNode | null;
  opening: readonly number[];
  /** Own prediction of the opponent's action this round (predict-then-act, choose step), or undefined. */
  prediction: string | undefined;
}
