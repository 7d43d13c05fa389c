// A guard in front of any reference judge: candidates that are empty, only symbols, or only a
// reasoning opener ("Thought process:", "Solution", "解") get NO without calling the judge. This
// blocks the master-key attack (spec 11) at zero cost; every blocked call is counted.
import type { ReferenceJudge, VerificationInput, VerificationResult } from '../judge.js';
import { REASONING_OPENERS } from './master-keys.js';

export type DegenerateReason = 'empty' | 'symbol-only' | 'opener-only';

const OPENERS = new Set(REASONING_OPENERS.map((o) => o.normalize('NFKC').toLowerCase()));

/** Why a candidate carries no answer, or null when it may carry one. */
export function degenerateReason(candidate: string): DegenerateReason | null {
  const text = candidate.normalize('NFKC').trim();
  if (text === '') return 'empty';
  // No letter and no digit in any script: punctuation, symbols, whitespace only.
  if (!/[\p{L}\p{N}]/u.test(text)) return 'symbol-only';
  const core = text
    .toLowerCase()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .replace(/\s+/g, ' ');
  if (OPENERS.has(core)) return 'opener-only';
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
  const stats: GuardStats = { checked: 0, blocked: 0, byReason: { empty: 0, 'symbol-only': 0, 'opener-only': 0 } };
  return {
    metadata: { ...inner.metadata, name: `guarded:${inner.metadata.name}` },
    stats,
    async judge(input: VerificationInput, options) {
      stats.checked++;
      const reason = degenerateReason(input.candidate);
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
