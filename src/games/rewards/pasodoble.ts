// PasoDoble proposer and solver rewards (spec 7; arXiv 2511.11881; HCY123902/PasoDoble@16dae4f3cd8f).
// Pure functions: the caller keeps the history of accepted questions (a plain string array).
import { extractBoxed } from './extract-answer.js';
import { verifyExact, verifyNumeric } from './verify-answer.js';
import { parseNumber } from './extract-answer.js';

/** Why a proposal is invalid (spec 7's reward-hacking checks); empty when valid. */
export function pasodobleInvalidReasons(question: string | null | undefined, answer: string | null | undefined): string[] {
  const reasons: string[] = [];
  const q = question?.trim() ?? '';
  const a = answer?.trim() ?? '';
  if (q === '') reasons.push('missing question');
  if (a === '') reasons.push('missing answer');
  if (q !== '' && a !== '' && a.includes(q)) reasons.push('question contained in the answer');
  if (/\\boxed\s*\{/.test(q)) reasons.push('question contains \\boxed{}');
  if (q !== '' && a !== '' && q.includes(a)) reasons.push('answer contained in the question');
  return reasons;
}

/** Solver reward: 1 when the solver's boxed answer matches the proposer's answer, else 0. */
export function pasodobleSolverReward(solverText: string, proposerAnswer: string): number {
  const boxed = extractBoxed(solverText);
  if (boxed === null) return 0;
  const numeric = parseNumber(proposerAnswer) !== null;
  const ok = numeric ? verifyNumeric(`\\boxed{${boxed}}`, proposerAnswer) : verifyExact(boxed, proposerAnswer);
  return ok ? 1 : 0;
}

/** Passing rate p: mean solver reward, forced to 0 for an invalid proposal. */
export function pasodoblePassingRate(solverRewards: readonly number[], valid: boolean): number {
  if (!valid || solverRewards.length === 0) return 0;
  return solverRewards.reduce((a, b) => a + b, 0) / solverRewards.length;
}

/** Whitespace tokens, lower-cased, as a set. */
export function tokenSet(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/\s+/).filter(Boolean));
}

/** |A ∩ B| / |A ∪ B|; two empty sets count as identical (1). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

export interface DiversityOptions {
  /** Compare with at most the last `window` accepted questions. @default 100 */
  window?: number;
  /** A past question with similarity ≤ threshold counts as different. @default 0.8 */
  threshold?: number;
}

/** d = fraction of the last ≤100 accepted questions with Jaccard similarity ≤ 0.8 to the new one; 1 if none. */
export function pasodobleDiversity(question: string, history: readonly string[], options: DiversityOptions = {}): number {
  const recent = history.slice(-(options.window ?? 100));
  if (recent.length === 0) return 1;
  const q = tokenSet(question);
  const threshold = options.threshold ?? 0.8;
  return recent.filter((h) => jaccard(q, tokenSet(h)) <= threshold).length / recent.length;
}

export interface ProposerRewardOptions {
  /** p ≤ tauLow gives 0. @default 0.2 */
  tauLow?: number;
  /** d ≤ minDiversity gives 0. @default 0.3 */
  minDiversity?: number;
}

/** Proposer reward: 0 if p ≤ τ_low or d ≤ 0.3, else 1.1 − p + 0.2·d. */
export function pasodobleProposerReward(passingRate: number, diversity: number, options: ProposerRewardOptions = {}): number {
  if (passingRate <= (options.tauLow ?? 0.2)) return 0;
  if (diversity <= (options.minDiversity ?? 0.3)) return 0;
  return 1.1 - passingRate + 0.2 * diversity;
}

/**
 * One proposal end to end: validity, passing rate, diversity, reward, and the next history. We add a
 * question to the history ("accepted") when its reward is positive; the spec does not say which
 * questions count as accepted, and this keeps rejected or too-easy/too-hard ones out of it.
 */
export function scorePasodobleProposal(input: {
  question: string | null;
  answer: string | null;
  solverTexts: readonly string[];
  history: readonly string[];
  options?: ProposerRewardOptions & DiversityOptions;
}) {
  const invalid = pasodobleInvalidReasons(input.question, input.answer);
  const solverRewards = input.solverTexts.map((t) => (invalid.length === 0 ? pasodobleSolverReward(t, input.answer ?? '') : 0));
  const passingRate = pasodoblePassingRate(solverRewards, invalid.length === 0);
  const diversity = pasodobleDiversity(input.question ?? '', input.history, input.options);
  const proposerReward = invalid.length > 0 ? 0 : pasodobleProposerReward(passingRate, diversity, input.options);
  const history = proposerReward > 0 ? [...input.history, input.question ?? ''].slice(-(input.options?.window ?? 100)) : [...input.history];
  return { invalid, solverRewards, passingRate, diversity, proposerReward, history };
}
