// Reporting-only verification of a solution against the reference (spec 10: ±5% relative tolerance for
// science; math answers are compared as numbers when the reference is one, else as normalised text).
import { verifyAnswer } from '../rewards/verify-answer.js';
import type { DiscussionProblem } from './types.js';

/** Relative tolerance for science answers (CoMAS's checker). */
export const SCIENCE_TOLERANCE = 0.05;

/** Whether `solution`'s final answer matches the problem's reference; undefined without a reference. */
export function checkAnswer(problem: DiscussionProblem, solution: string): boolean | undefined {
  if (problem.answer === undefined) return undefined;
  if (problem.domain === 'science') return verifyAnswer(solution, problem.answer, 'numeric', { relTol: SCIENCE_TOLERANCE }).ok;
  return verifyAnswer(solution, problem.answer).ok;
}
