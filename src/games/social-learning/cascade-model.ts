// Closed-form information cascades of Bikhchandani, Hirshleifer & Welch, "A Theory of Fads, Fashion, Custom,
// and Cultural Change as Informational Cascades", JPE 100(5):992–1026, 1992 (section II and its appendix):
// a binary state with equal prior, symmetric binary signals of precision p ∈ (1/2, 1), Bayesian learners.
// The public evidence moves only in pairs: from a neutral belief, two actions either agree (a cascade starts:
// |#A − #B| = 2, spec §15) or cancel (the belief is neutral again). With the BHW coin-flip tie rule, per pair
//   up = p(1 + p)/2,  down = (1 − p)(2 − p)/2,  stay = p − p²,
// giving after k actions (m = ⌊k/2⌋ pairs), conditional on the state,
//   P(correct) = up·(1 − stayᵐ)/(1 − stay),  P(wrong) = down·(1 − stayᵐ)/(1 − stay),  P(none) = stayᵐ,
// which is BHW's P(up cascade | V = 1) = p(p + 1)[1 − (p − p²)^{n/2}] / (2(1 − p + p²)). With the
// "follow your own signal when indifferent" rule, up = p², down = (1 − p)², stay = 2p(1 − p).
import type { TieRule } from './types.js';

export interface CascadeProbabilities {
  /** A cascade on the action that matches the state. */
  correct: number;
  /** A cascade on the other action. */
  wrong: number;
  /** No cascade yet. */
  none: number;
}

/** One pair of actions from a neutral belief: P(both right), P(both wrong), P(they cancel). */
export function pairTransition(precision: number, tieRule: TieRule = 'coin-flip'): { up: number; down: number; stay: number } {
  if (!(precision > 0.5 && precision < 1)) throw new RangeError(`the BHW closed form needs a precision in (1/2, 1), got ${precision}`);
  const p = precision;
  if (tieRule === 'coin-flip') return { up: (p * (1 + p)) / 2, down: ((1 - p) * (2 - p)) / 2, stay: p - p * p };
  return { up: p * p, down: (1 - p) * (1 - p), stay: 2 * p * (1 - p) };
}

/** Whether the learner who has seen `observed` Bayesian actions is in a cascade, conditional on the state. */
export function cascadeProbabilities(precision: number, observed: number, tieRule: TieRule = 'coin-flip'): CascadeProbabilities {
  if (!Number.isInteger(observed) || observed < 0) throw new RangeError(`observed must be a non-negative integer, got ${observed}`);
  const { up, down, stay } = pairTransition(precision, tieRule);
  const none = stay ** Math.floor(observed / 2);
  return { correct: (up * (1 - none)) / (1 - stay), wrong: (down * (1 - none)) / (1 - stay), none };
}

/** The cascade outcome of an episode of `learners` learners: does some learner (the last at the latest) herd? */
export function episodeCascadeProbabilities(precision: number, learners: number, tieRule: TieRule = 'coin-flip'): CascadeProbabilities {
  if (!Number.isInteger(learners) || learners < 1) throw new RangeError(`learners must be a positive integer, got ${learners}`);
  return cascadeProbabilities(precision, learners - 1, tieRule);
}

/** P(the first learner to herd is at 1-based position t): cascades start only at odd positions t = 2m + 1, m ≥ 1. */
export function cascadeStartProbability(precision: number, position: number, tieRule: TieRule = 'coin-flip'): number {
  const { stay } = pairTransition(precision, tieRule);
  if (!Number.isInteger(position) || position < 3 || position % 2 === 0) return 0;
  return stay ** ((position - 3) / 2) * (1 - stay);
}
