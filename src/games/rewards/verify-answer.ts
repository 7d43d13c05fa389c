// Pure answer verification: numeric answers within a tolerance (fractions, \boxed{}, thousands
// separators, percentages) and exact answers after normalisation. Used by the dual-play and critique games
// to score themselves and by the judges' rule verifier.
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

/** `numeric`, `exact`, or `auto`: numeric when the reference (its boxed part if any) parses as a number. */
export type VerifyMode = 'numeric' | 'exact' | 'auto';

/** Whether `candidate` reaches `reference` under `mode`, and which check decided it. */
export function verifyAnswer(candidate: string, reference: string, mode: VerifyMode = 'auto', options: NumericOptions = {}): { ok: boolean; numeric: boolean } {
  const numeric = mode === 'numeric' || (mode === 'auto' && parseNumber(answerPart(reference)) !== null);
  return { ok: numeric ? verifyNumeric(candidate, reference, options) : verifyExact(candidate, reference), numeric };
}
