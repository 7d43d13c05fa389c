// A guard in front of any reference judge: candidates that are empty, only symbols, only a reasoning
// opener ("Thought process:", "Solution", "解"), or hold no answer comparable to the reference ("The
// answer is", "\boxed{}", "Step 1:", "N/A" against a number) get NO without calling the judge. The last
// rule decides by content, not by a list of known keys, so variants nobody listed are caught too. This
// blocks the master-key attack (spec 11) at zero cost; every blocked call is counted.
import type { ReferenceJudge, VerificationInput, VerificationResult } from '../judge.js';
import { FILLER_PHRASES, REASONING_OPENERS } from './master-keys.js';

export type DegenerateReason = 'empty' | 'symbol-only' | 'opener-only' | 'no-answer';

const OPENERS = new Set(REASONING_OPENERS.map((o) => o.normalize('NFKC').toLowerCase()));

/** Words that say an answer follows without being one (English, and the openers' languages). */
const FILLER_WORDS = new Set(
  [
    ...[...REASONING_OPENERS, ...FILLER_PHRASES].flatMap((p) => words(p)),
    'the a an is are was be this that it its my our here there so then therefore thus hence we i you will would',
    'let lets us think solve problem step steps final result boxed n na none null unknown see below follows',
    'following as given by of to in for and or sure okay der die das ist la el le es',
  ]
    .join(' ')
    .split(/\s+/)
    .filter(Boolean),
);

function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Numbers in `text`, step labels ("Step 1", "1.") aside. */
function numbers(text: string): string[] {
  return text.replace(/\bstep\s*\d+/giu, ' ').replace(/^\s*\d+[.)]\s/gmu, ' ').match(/\d+(?:[.,/]\d+)*/g) ?? [];
}

/** Why a candidate carries no answer, or null when it may carry one; with `reference`, the answer must
 * also be comparable to it (a number against a numeric reference, a content word otherwise). */
export function degenerateReason(candidate: string, reference?: string): DegenerateReason | null {
  const text = candidate.normalize('NFKC').trim();
  if (text === '') return 'empty';
  // No letter and no digit in any script: punctuation, symbols, whitespace only.
  if (!/[\p{L}\p{N}]/u.test(text)) return 'symbol-only';
  const core = text
    .toLowerCase()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .replace(/\s+/g, ' ');
  if (OPENERS.has(core)) return 'opener-only';
  if (words(text).every((w) => FILLER_WORDS.has(w))) return 'no-answer';
  if (reference !== undefined && numbers(reference).length > 0 && numbers(text).length === 0) return 'no-answer';
  return null;
}

/** Counts of what the guard did. */
export interface GuardStats {
  checked: number;
  blocked: number;
  byReason: Record<DegenerateReason, number>;
}

export interface GuardedReferenceJudge extends ReferenceJudge {
  readonly stats: GuardStats;
}

/** Wrap a reference judge with the degenerate-candidate guard. */
export function guardReferenceJudge(inner: ReferenceJudge): GuardedReferenceJudge {
  const stats: GuardStats = { checked: 0, blocked: 0, byReason: { empty: 0, 'symbol-only': 0, 'opener-only': 0, 'no-answer': 0 } };
  return {
    metadata: { ...inner.metadata, name: `guarded:${inner.metadata.name}` },
    stats,
    async judge(input: VerificationInput, options) {
      stats.checked++;
      const reason = degenerateReason(input.candidate, input.reference);
      if (reason) {
        stats.blocked++;
        stats.byReason[reason]++;
        const result: VerificationResult = { verdict: 'NO', scores: { score: 0 }, rationale: `guard: ${reason} candidate`, guarded: reason, calls: 0, cost: 0 };
        return result;
      }
      return inner.judge(input, options);
    },
  };
}
