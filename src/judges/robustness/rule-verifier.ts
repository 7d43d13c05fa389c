// A rule-based reference judge: numeric answers within a tolerance (fractions, \boxed{}, thousands
// separators, percentages) and exact answers after normalisation. No model call; deterministic.
import type { ReferenceJudge, VerificationInput, VerificationResult } from '../judge.js';
import { extractBoxed, lastNumberIn, parseNumber, type ParsedNumber } from './extract-answer.js';

export interface NumericOptions {
  /** Relative tolerance |a − b| ≤ relTol·max(|a|,|b|). CoMAS uses 0.05 for science answers. @default 1e-6 */
  relTol?: number;
  /** Absolute tolerance. @default 1e-9 */
  absTol?: number;
}

function close(a: number, b: number, o: NumericOptions): boolean {
  const rel = o.relTol ?? 1e-6;
  const abs = o.absTol ?? 1e-9;
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

/** Equal as numbers; "50%" also matches 0.5 (and 0.5 matches "50%"), since both spellings are common. */
export function numbersMatch(a: ParsedNumber, b: ParsedNumber, options: NumericOptions = {}): boolean {
  if (close(a.value, b.value, options)) return true;
  if (a.percent !== b.percent) {
    const [pct, plain] = a.percent ? [a, b] : [b, a];
    return close(pct.value / 100, plain.value, options);
  }
  return false;
}

/** The answer part of a candidate: the last \boxed{} content, else the whole text. */
export function answerPart(text: string): string {
  return extractBoxed(text) ?? text;
}

/** Numeric verification: the candidate's boxed answer (or its last number) against the reference. */
export function verifyNumeric(candidate: string, reference: string, options: NumericOptions = {}): boolean {
  const ref = parseNumber(answerPart(reference));
  if (!ref) return false;
  const boxed = extractBoxed(candidate);
  const raw = boxed ?? lastNumberIn(candidate);
  if (raw === null) return false;
  const got = parseNumber(raw);
  return got !== null && numbersMatch(got, ref, options);
}

/** Lower-case, NFKC, no TeX wrappers, dollar signs, surrounding punctuation or repeated spaces. */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\\text\{([^{}]*)\}/g, '$1')
    .replace(/\\(?:mathrm|textbf|mathbf)\{([^{}]*)\}/g, '$1')
    .replace(/\$/g, '')
    .toLowerCase()
    .replace(/^\s*(?:the\s+)?(?:final\s+)?answer\s*(?:is\s*:?|:)\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'`([{]+|[\s"'`.,;:!?)\]}]+$/g, '');
}

/** Exact verification after normalising both sides (boxed content preferred). */
export function verifyExact(candidate: string, reference: string): boolean {
  const c = normalizeAnswer(answerPart(candidate));
  return c !== '' && c === normalizeAnswer(answerPart(reference));
}

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
