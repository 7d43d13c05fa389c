// Whether a solution reaches the reference answer, with the shared verifier of ../rewards.
import { verifyAnswer } from '../rewards/verify-answer.js';
import type { CritiqueParams } from './params.js';

/** `auto` checks numerically when the reference (its boxed part if any) parses as a number, else exactly. */
export function checkAnswer(solution: string, reference: string, mode: CritiqueParams['verification'] = 'auto'): boolean {
  return verifyAnswer(solution, reference, mode).ok;
}
