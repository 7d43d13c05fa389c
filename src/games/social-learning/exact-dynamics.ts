// Exact expected outcomes of a run of Bayesian learners, by dynamic programming over the public belief
// (finitely many beliefs are reachable). It needs no equal precisions, equal prior or p > 1/2, so the scripted
// planners use it to price a precision, and the tests use it as a second check on the closed form.
import type { CascadeProbabilities } from './cascade-model.js';
import { cascadeAt, chooseAProbability, updateBelief } from './public-belief.js';
import type { Choice, TieRule } from './types.js';

export interface DynamicsInput {
  /** P(state = A) for whoever evaluates (the planner's posterior). */
  stateProbability: number;
  /** The learners' public belief ℓ before the first learner of `actual` acts. */
  belief: number;
  /** Actual precision of each coming learner's signal. */
  actual: readonly number[];
  /** Precisions as the learners believe them (what they update with). @default actual */
  believed?: readonly number[];
  tieRule: TieRule;
}

export interface ExpectedDynamics {
  /** Expected number of learners whose action matches the state. */
  correct: number;
  /** Expected number of learners choosing A. */
  chooseA: number;
  /** The first cascade among these learners (or none), unconditional over the state. */
  cascade: CascadeProbabilities;
}

interface Node {
  belief: number;
  /** The direction of the first cascade so far, or null. */
  cascade: Choice | null;
  /** P(state = A and this node), P(state = B and this node). */
  mass: Record<Choice, number>;
}

const key = (belief: number, cascade: Choice | null) => `${Math.round(belief * 1e9)}|${cascade ?? '-'}`;

export function expectedDynamics(input: DynamicsInput): ExpectedDynamics {
  const believed = input.believed ?? input.actual;
  let nodes: Node[] = [{ belief: input.belief, cascade: null, mass: { A: input.stateProbability, B: 1 - input.stateProbability } }];
  let correct = 0;
  let chooseA = 0;
  input.actual.forEach((q, t) => {
    const qHat = believed[t] ?? q;
    const next = new Map<string, Node>();
    for (const node of nodes) {
      const cascade = node.cascade ?? cascadeAt(node.belief, qHat, input.tieRule);
      for (const action of ['A', 'B'] as const) {
        // The learner's decision rule uses the believed precision; its signal is drawn with the actual one.
        const pIf = (state: Choice) => actionProbability(node.belief, q, qHat, action, state, input.tieRule);
        const mass = { A: node.mass.A * pIf('A'), B: node.mass.B * pIf('B') };
        if (mass.A + mass.B === 0) continue;
        correct += action === 'A' ? mass.A : mass.B;
        if (action === 'A') chooseA += mass.A + mass.B;
        const belief = updateBelief(node.belief, qHat, action, input.tieRule);
        const k = key(belief, cascade);
        const hit = next.get(k);
        if (hit) {
          hit.mass.A += mass.A;
          hit.mass.B += mass.B;
        } else next.set(k, { belief, cascade, mass });
      }
    }
    nodes = [...next.values()];
  });
  const cascade = { correct: 0, wrong: 0, none: 0 };
  for (const n of nodes) {
    if (n.cascade === null) cascade.none += n.mass.A + n.mass.B;
    else if (n.cascade === 'A') (cascade.correct += n.mass.A), (cascade.wrong += n.mass.B);
    else (cascade.correct += n.mass.B), (cascade.wrong += n.mass.A);
  }
  return { correct, chooseA, cascade };
}

/** P(action | state) when the signal has precision q but the learner decides as if it had q̂. */
function actionProbability(belief: number, q: number, qHat: number, action: Choice, state: Choice, tieRule: TieRule): number {
  const pSignalA = state === 'A' ? q : 1 - q;
  const pA = pSignalA * chooseAProbability(belief, 'A', qHat, tieRule) + (1 - pSignalA) * chooseAProbability(belief, 'B', qHat, tieRule);
  return action === 'A' ? pA : 1 - pA;
}
