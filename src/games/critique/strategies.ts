// Scripted actors and critics for offline runs on arithmetic problems: an actor that slips with a given
// probability and fixes its answer when the critic says it is wrong, an exact actor, a critic that
// recomputes the problem, and a lenient critic that approves everything.
import type { Strategy } from '../definition.js';
import { solveArithmetic } from '../tasks/arithmetic.js';
import { extractBoxed, lastNumberIn, parseNumber } from '../rewards/extract-answer.js';
import { parseCriticVerdict } from '../rewards/critique-rl.js';
import type { CritiqueAction, CritiqueObservation } from './types.js';

type CritiqueStrategy = Strategy<CritiqueObservation, CritiqueAction>;
const SOURCE = 'Polis baseline for actor/critic refinement (spec 9)';

const solved = (question: string, value: number | null) => `${question.replace(/^What is |\?$/g, '')} = \\boxed{${value ?? 'unknown'}}`;

/** First attempt off by one with probability `errorRate`; refines to the computed answer when told it is wrong, else keeps its attempt. */
export function noisyActor(errorRate: number): CritiqueStrategy {
  if (!(errorRate >= 0 && errorRate <= 1)) throw new RangeError(`errorRate must be in [0, 1], got ${errorRate}`);
  return {
    metadata: { name: `noisy-actor-${Math.round(errorRate * 100)}`, stochastic: true, memoryDepth: 0, source: SOURCE },
    decide(o, rng) {
      if (o.kind === 'answer') {
        const value = solveArithmetic(o.question);
        const slip = value !== null && rng.bernoulli(errorRate);
        return { solution: solved(o.question, slip ? (value as number) + (rng.bernoulli(0.5) ? 1 : -1) : value) };
      }
      if (o.kind === 'refine') return { solution: parseCriticVerdict(o.critique) === 'wrong' ? solved(o.question, solveArithmetic(o.question)) : o.attempt };
      return { solution: '' };
    },
  };
}

/** Recomputes the problem and compares with the attempt's boxed answer (or its last number). */
export const computingCritic: CritiqueStrategy = {
  metadata: { name: 'computing-critic', stochastic: false, memoryDepth: 0, source: SOURCE },
  decide(o) {
    if (o.kind !== 'critique') return { critique: '' };
    const expected = solveArithmetic(o.question);
    const raw = extractBoxed(o.attempt) ?? lastNumberIn(o.attempt);
    const got = raw === null ? null : parseNumber(raw);
    const right = expected !== null && got !== null && Math.abs(got.value - expected) < 1e-9;
    const body = right ? 'I redid the calculation and reached the same result.' : 'Redoing the calculation gives a different result; check the arithmetic.';
    return { critique: `${body}\nCorrectness of the final answer: ${right ? 'Correct' : 'Wrong'}` };
  },
};

/** Approves every attempt. */
export const lenientCritic: CritiqueStrategy = {
  metadata: { name: 'lenient-critic', stochastic: false, memoryDepth: 0, source: SOURCE },
  decide: (o) => ({ critique: o.kind === 'critique' ? 'Looks fine to me.\nCorrectness of the final answer: Correct' : '' }),
};

export const critiqueStrategies: Readonly<Record<string, CritiqueStrategy>> = {
  'noisy-actor': noisyActor(0.4),
  'exact-actor': { ...noisyActor(0), metadata: { name: 'exact-actor', stochastic: false, memoryDepth: 0, source: SOURCE } },
  'computing-critic': computingCritic,
  'lenient-critic': lenientCritic,
};
