// Scripted proposers and solvers for offline dual play: an arithmetic proposer drawing from the rng, a solver
// that computes, and a noisy solver that is off by one with a given probability.
import type { Strategy } from '../definition.js';
import { drawArithmeticProblem, solveArithmetic, type ArithmeticOptions } from '../tasks/arithmetic.js';
import type { DualPlayAction, DualPlayObservation } from './types.js';

type DualPlayStrategy = Strategy<DualPlayObservation, DualPlayAction>;
const SOURCE = 'Polis baseline for dual play (spec 7)';

/** Poses "What is a op b?" with operands and operator drawn from the rng, and the exact answer. */
export function arithmeticProposer(options: ArithmeticOptions = {}): DualPlayStrategy {
  return {
    metadata: { name: 'arithmetic-proposer', stochastic: true, memoryDepth: 0, source: SOURCE },
    decide(o, rng) {
      if (o.kind !== 'propose') return { answer: '' };
      const p = drawArithmeticProblem(rng, options);
      return { problem: p.question, answer: p.answer };
    },
  };
}

function computed(problem: string): string {
  const value = solveArithmetic(problem);
  return value === null ? 'unknown' : String(value);
}

/** Computes the problem's `a op b` expression exactly ("unknown" when there is none). */
export const computingSolver: DualPlayStrategy = {
  metadata: { name: 'computing-solver', stochastic: false, memoryDepth: 0, source: SOURCE },
  decide: (o) => ({ answer: o.kind === 'solve' ? computed(o.problem) : '' }),
};

/** Computes, then with probability `errorRate` answers one more or one less (a coin flip) than the result. */
export function noisySolver(errorRate: number): DualPlayStrategy {
  if (!(errorRate >= 0 && errorRate <= 1)) throw new RangeError(`errorRate must be in [0, 1], got ${errorRate}`);
  return {
    metadata: { name: `noisy-solver-${Math.round(errorRate * 100)}`, stochastic: true, memoryDepth: 0, source: SOURCE },
    decide(o, rng) {
      if (o.kind !== 'solve') return { answer: '' };
      const value = solveArithmetic(o.problem);
      if (value === null) return { answer: 'unknown' };
      return { answer: String(rng.bernoulli(errorRate) ? value + (rng.bernoulli(0.5) ? 1 : -1) : value) };
    },
  };
}

export const dualPlayStrategies: Readonly<Record<string, DualPlayStrategy>> = {
  'arithmetic-proposer': arithmeticProposer(),
  'computing-solver': computingSolver,
  'noisy-solver': noisySolver(0.3),
};
