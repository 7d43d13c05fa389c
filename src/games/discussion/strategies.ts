// Scripted discussants for offline runs on the built-in arithmetic problems. They read the expression
// from the question (never the reference answer, which no observation carries) and follow the CoMAS
// formats: a \boxed{} answer, a list of mistakes, a reason then <score>n</score>.
import type { Rng } from '../../core/rng.js';
import type { Strategy } from '../definition.js';
import { extractBoxed, parseNumber } from '../rewards/extract-answer.js';
import { evaluateArithmetic, findExpression } from './arithmetic.js';
import type { DiscussionAction, DiscussionObservation } from './types.js';

type DiscussionStrategy = Strategy<DiscussionObservation, DiscussionAction>;
const SOURCE = 'Polis baseline for the discussion game (spec 10 formats)';
/** The phrase a clean evaluation uses; sloppy solvers trust solutions whose evaluation says it. */
const NO_MISTAKE = 'I found no mistake';

function truthOf(question: string): { expression: string; value: number } | null {
  const expression = findExpression(question);
  if (!expression) return null;
  try {
    return { expression, value: evaluateArithmetic(expression) };
  } catch {
    return null;
  }
}

function claimOf(solution: string): number | null {
  const boxed = extractBoxed(solution);
  return boxed === null ? null : (parseNumber(boxed)?.value ?? null);
}

function solution(expression: string, value: number): string {
  return `Multiply first, then add and subtract from left to right: ${expression} = ${value}.\n\\boxed{${value}}`;
}

function review(observation: Extract<DiscussionObservation, { step: 'evaluate' | 'score' }>): string {
  const truth = truthOf(observation.question);
  const claim = claimOf(observation.solution);
  if (observation.step === 'evaluate') {
    if (!truth) return 'I cannot check this solution: the problem is not an arithmetic expression I can evaluate.';
    if (claim === truth.value) return `${NO_MISTAKE}: the products and sums check out.`;
    return `The final answer ${claim ?? '(missing)'} is wrong: ${truth.expression} evaluates to ${truth.value}.`;
  }
  if (!truth) return 'I cannot verify the solution either way.\n<score>2</score>';
  if (claim === truth.value) return 'The answer matches my own computation, so the criticism does not hold.\n<score>3</score>';
  return `The answer should be ${truth.value}; the mistake is fatal.\n<score>1</score>`;
}

/**
 * Computes the expression, but with probability `errorRate` writes a wrong answer (off by 1 or 2) when
 * solving. From round 2 on it adopts an answer whose shared evaluation found no mistake. Evaluates and
 * scores exactly.
 */
export function calculator(name: string, errorRate: number): DiscussionStrategy {
  if (!(errorRate >= 0 && errorRate <= 1)) throw new RangeError(`errorRate must be in [0, 1], got ${errorRate}`);
  return {
    metadata: { name, stochastic: errorRate > 0, memoryDepth: 0, source: SOURCE },
    decide(observation: DiscussionObservation, rng: Rng): DiscussionAction {
      if (observation.step !== 'solve') return review(observation);
      const truth = truthOf(observation.question);
      if (!truth) return 'I could not find a computation in this problem, so I give no final answer.';
      const trusted = observation.discussion.find((d) => d.evaluation.includes(NO_MISTAKE) && claimOf(d.solution) !== null);
      if (errorRate > 0 && trusted) return solution(truth.expression, claimOf(trusted.solution) as number);
      const slip = rng.bernoulli(errorRate) ? rng.pick([-2, -1, 1, 2]) : 0;
      return solution(truth.expression, truth.value + slip);
    },
  };
}

/** Agrees with everything: its evaluations find nothing and its scores are always 3 (a lenient scorer). */
export const agreeable: DiscussionStrategy = {
  metadata: { name: 'agreeable', stochastic: false, memoryDepth: 0, source: SOURCE },
  decide(observation: DiscussionObservation): DiscussionAction {
    if (observation.step === 'solve') {
      const truth = truthOf(observation.question);
      return truth ? solution(truth.expression, truth.value) : 'I have no answer.';
    }
    if (observation.step === 'evaluate') return 'The solution looks fine to me.';
    return 'I see no fatal problem.\n<score>3</score>';
  },
};

export const discussionStrategies: Readonly<Record<string, DiscussionStrategy>> = {
  calculator: calculator('calculator', 0),
  'sloppy-calculator': calculator('sloppy-calculator', 0.5),
  agreeable,
};
