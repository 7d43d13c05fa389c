// The Bayesian public belief of the BHW model, for any precisions and either tie rule. Every learner is
// assumed Bayesian (common knowledge, as in Bikhchandani, Hirshleifer & Welch, JPE 100(5), 1992), so an
// action is evidence in proportion to how much likelier it is under one state than the other given the
// belief its taker held. Beliefs are log-likelihood ratios ℓ = ln P(A | history) / P(B | history).
import type { Choice, TieRule } from './types.js';

/** Posteriors this close to zero count as a tie (sums of logs are not exact). */
const TIE = 1e-9;

/** ln(q / (1 − q)): how far one signal of precision q moves the belief. */
export const signalWeight = (precision: number): number => Math.log(precision / (1 - precision));

/** ln(prior / (1 − prior)): the belief before any action. */
export const priorBelief = (prior: number): number => Math.log(prior / (1 - prior));

/** P(a Bayesian learner with public belief ℓ and this signal chooses A). */
export function chooseAProbability(belief: number, signal: Choice, precision: number, tieRule: TieRule): number {
  const w = signalWeight(precision);
  const posterior = belief + (signal === 'A' ? w : -w);
  if (posterior > TIE) return 1;
  if (posterior < -TIE) return 0;
  if (tieRule === 'coin-flip') return 0.5;
  return signal === 'A' ? 1 : 0;
}

/** P(action | state) for a Bayesian learner at belief ℓ whose signal has precision q. */
export function actionLikelihood(belief: number, precision: number, action: Choice, state: Choice, tieRule: TieRule): number {
  const pSignalA = state === 'A' ? precision : 1 - precision;
  const pA = pSignalA * chooseAProbability(belief, 'A', precision, tieRule) + (1 - pSignalA) * chooseAProbability(belief, 'B', precision, tieRule);
  return action === 'A' ? pA : 1 - pA;
}

/** The belief after one more public action. An action a Bayesian could not have taken carries no evidence. */
export function updateBelief(belief: number, precision: number, action: Choice, tieRule: TieRule): number {
  const underA = actionLikelihood(belief, precision, action, 'A', tieRule);
  const underB = actionLikelihood(belief, precision, action, 'B', tieRule);
  if (underA === 0 || underB === 0) return belief;
  return belief + Math.log(underA / underB);
}

/** The public belief after a whole history (precisions as the observer knows them). */
export function beliefAfter(prior: number, history: ReadonlyArray<{ choice: Choice; precision: number }>, tieRule: TieRule): number {
  let belief = priorBelief(prior);
  for (const h of history) belief = updateBelief(belief, h.precision, h.choice, tieRule);
  return belief;
}

/** The cascade action when a learner at belief ℓ acts the same whatever its signal; `null` otherwise. */
export function cascadeAt(belief: number, precision: number, tieRule: TieRule): Choice | null {
  const ifA = chooseAProbability(belief, 'A', precision, tieRule);
  const ifB = chooseAProbability(belief, 'B', precision, tieRule);
  if (ifA === 1 && ifB === 1) return 'A';
  if (ifA === 0 && ifB === 0) return 'B';
  return null;
}

/** The Bayesian choice; `coin` is consulted only on a tie under the coin-flip rule. */
export function bayesianChoice(belief: number, signal: Choice, precision: number, tieRule: TieRule, coin: () => boolean): Choice {
  const pA = chooseAProbability(belief, signal, precision, tieRule);
  if (pA === 1) return 'A';
  if (pA === 0) return 'B';
  return coin() ? 'A' : 'B';
}
