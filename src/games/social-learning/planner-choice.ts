// How the scripted planners price a precision: the exact expected outcome of Bayesian learners
// (exact-dynamics.ts) from the current public history, assuming the chosen precision for every learner
// still to come, minus its information cost. A grid search; ties go to the cheaper (lower) precision, so an
// altruistic planner stops paying once a cascade makes signals useless.
import { expectedDynamics } from './exact-dynamics.js';
import { signalCost } from './information-cost.js';
import { chooseAProbability, priorBelief, updateBelief } from './public-belief.js';
import type { Choice, PlannerObservation } from './types.js';

/** The objective value of a run of expected dynamics: correct actions, or actions equal to the preferred one. */
export type PlannerGoal = { objective: 'altruistic' } | { objective: 'biased'; preferredAction: Choice };

export interface PrecisionValue {
  precision: number;
  /** Expected objective over the learners still to come, minus their information cost. */
  value: number;
}

/** The learners' public belief and the planner's posterior P(A) given the public history so far. */
export function beliefsFromHistory(o: PlannerObservation): { belief: number; stateProbability: number } {
  let belief = priorBelief(o.prior);
  let planner = belief;
  o.history.forEach((action, t) => {
    const q = o.precisions[t] as number;
    const qHat = o.disclosed ? q : o.announcedPrecision;
    // The planner knows the actual precision; learners decided (and update) with the one they were shown.
    const pAction = (state: Choice) => {
      const pSignalA = state === 'A' ? q : 1 - q;
      const pA = pSignalA * chooseAProbability(belief, 'A', qHat, o.tieRule) + (1 - pSignalA) * chooseAProbability(belief, 'B', qHat, o.tieRule);
      return action === 'A' ? pA : 1 - pA;
    };
    const underA = pAction('A');
    const underB = pAction('B');
    if (underA > 0 && underB > 0) planner += Math.log(underA / underB);
    belief = updateBelief(belief, qHat, action, o.tieRule);
  });
  return { belief, stateProbability: 1 / (1 + Math.exp(-planner)) };
}

/** Value of every grid precision in [minPrecision, maxPrecision] (step `step`), for the given goal. */
export function precisionValues(o: PlannerObservation, goal: PlannerGoal, step = 0.01): PrecisionValue[] {
  const remaining = o.learners - o.first + 1;
  const { belief, stateProbability } = beliefsFromHistory(o);
  const grid: number[] = [];
  for (let k = 0; o.minPrecision + k * step <= o.maxPrecision + 1e-12; k++) grid.push(Math.round((o.minPrecision + k * step) * 1e9) / 1e9);
  if (grid[grid.length - 1]! < o.maxPrecision - 1e-12) grid.push(o.maxPrecision);
  return grid.map((q) => {
    const actual = Array.from({ length: remaining }, () => q);
    const believed = o.disclosed ? actual : actual.map(() => o.announcedPrecision);
    const e = expectedDynamics({ stateProbability, belief, actual, believed, tieRule: o.tieRule });
    const gain = goal.objective === 'altruistic' ? e.correct : goal.preferredAction === 'A' ? e.chooseA : remaining - e.chooseA;
    return { precision: q, value: gain - remaining * signalCost(q, o.costPerBit, o.prior) };
  });
}

/** The best grid precision for `goal` (the lowest among equals). */
export function bestPrecision(o: PlannerObservation, goal: PlannerGoal, step = 0.01): number {
  let best: PrecisionValue | undefined;
  for (const v of precisionValues(o, goal, step)) if (!best || v.value > best.value + 1e-9) best = v;
  return best!.precision;
}
