// A rule-based reference judge: numeric answers within a tolerance (fractions, \boxed{}, thousands
// separators, percentages) and exact answers after normalisation. No model call; deterministic.
import type { ReferenceJudge, VerificationInput, VerificationResult } from '../judge.js';
import { verifyAnswer, type NumericOptions, type VerifyMode } from '../../games/rewards/verify-answer.js';

export { answerPart, normalizeAnswer, numbersMatch, verifyExact, verifyNumeric, type NumericOptions } from '../../games/rewards/verify-answer.js';

export interface RuleVerifierOptions extends NumericOptions {
  /** `auto`: numeric when the reference parses as a number, exact otherwise. @default 'auto' */
  mode?: VerifyMode;
  /** @default 'rule-verifier' */
  name?: string;
}

/** The rule verifier as a ReferenceJudge (usesModel false). */
export function createRuleVerifier(options: RuleVerifierOptions = {}): ReferenceJudge {
  const mode = options.mode ?? 'auto';
  return {
    metadata: { name: options.name ?? 'rule-verifier', version: '1', kind: 'rule', usesModel: false },
    async judge(input: VerificationInput): Promise<VerificationResult> {
      const { ok, numeric } = verifyAnswer(input.candidate, input.reference, mode, options);
      return { verdict: ok ? 'YES' : 'NO', scores: { score: ok ? 1 : 0 }, rationale: `${ok ? '' : 'no '}${numeric ? 'numeric' : 'exact'} match`, calls: 0, cost: 0 };
    },
  };
}
