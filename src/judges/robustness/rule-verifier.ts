// A rule-based reference judge: numeric answers within a tolerance (fractions, \boxed{}, thousands
// separators, percentages) and exact answers after normalisation. No model call; deterministic.
import type { ReferenceJudge, VerificationInput, VerificationResult } from '../judge.js';
import { parseNumber } from '../../games/rewards/extract-answer.js';
import { answerPart, verifyExact, verifyNumeric, type NumericOptions } from '../../games/rewards/verify-answer.js';

export { answerPart, normalizeAnswer, numbersMatch, verifyExact, verifyNumeric, type NumericOptions } from '../../games/rewards/verify-answer.js';

export interface RuleVerifierOptions extends NumericOptions {
  /** `auto`: numeric when the reference parses as a number, exact otherwise. @default 'auto' */
  mode?: 'numeric' | 'exact' | 'auto';
  /** @default 'rule-verifier' */
  name?: string;
}

/** The rule verifier as a ReferenceJudge (usesModel false). */
export function createRuleVerifier(options: RuleVerifierOptions = {}): ReferenceJudge {
  const mode = options.mode ?? 'auto';
  return {
    metadata: { name: options.name ?? 'rule-verifier', version: '1', kind: 'rule', usesModel: false },
    async judge(input: VerificationInput): Promise<VerificationResult> {
      const numeric = mode === 'numeric' || (mode === 'auto' && parseNumber(answerPart(input.reference)) !== null);
      const ok = numeric ? verifyNumeric(input.candidate, input.reference, options) : verifyExact(input.candidate, input.reference);
      return { verdict: ok ? 'YES' : 'NO', scores: { score: ok ? 1 : 0 }, rationale: `${ok ? '' : 'no '}${numeric ? 'numeric' : 'exact'} match`, calls: 0, cost: 0 };
    },
  };
}
