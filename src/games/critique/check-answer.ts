// Whether a solution reaches the reference answer, with the shared verifiers of ../rewards.
import { parseNumber } from '../rewards/extract-answer.js';
import { answerPart, verifyExact, verifyNumeric } from '../rewards/verify-answer.js';
import type { CritiqueParams } from './params.js';

/** `auto` checks numerically when the reference (its boxed part if any) parses as a number, else exactly. */
export function checkAnswer(solution: string, reference: string, mode: CritiqueParams['verification'] = 'auto'): boolean {
  const numeric = mode === 'numeric' || (mode === 'auto' && parseNumber(answerPart(reference)) !== null);
  return numeric ? verifyNumeric(solution, reference) : verifyExact(solution, reference);
}
