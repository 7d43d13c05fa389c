// Voting over k generative-PRM critiques (spec 13.3). Each critique lists the indices of the steps it
// judges incorrect. The paper leaves the rule open ([UNVERIFIED]); we offer both and default to
// `majority`: a step is incorrect when strictly more than half of the critiques flag it (a tie counts
// as correct, so one noisy critique out of two cannot condemn a step). `intersection`: flagged by all.

export type VoteRule = 'majority' | 'intersection';

/** Indices (ascending) of the steps the vote declares incorrect; indices ≥ stepCount are ignored. */
export function voteIncorrectSteps(critiques: ReadonlyArray<readonly number[]>, stepCount: number, rule: VoteRule = 'majority'): number[] {
  const k = critiques.length;
  if (k === 0) return [];
  const counts = new Array<number>(stepCount).fill(0);
  for (const c of critiques) for (const i of new Set(c)) if (Number.isInteger(i) && i >= 0 && i < stepCount) counts[i] = (counts[i] ?? 0) + 1;
  const out: number[] = [];
  counts.forEach((n, i) => {
    if (rule === 'intersection' ? n === k : n > k / 2) out.push(i);
  });
  return out;
}
