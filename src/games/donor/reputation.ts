// Reputation as the source tracks it (spec §3): never shown to agents, recorded for analysis.

/**
 * The donor's new reputation after giving fraction `p` of its resources.
 * No prior reputation: rep = p. Otherwise rep ← ((1 − |p − rep_recipient|) + d·rep) / (1 + d) with d the
 * discount (0.5 in the source, giving the spec's "/ 1.5"). A recipient without a reputation counts as 0,
 * as Python's `False` does in the source's arithmetic.
 */
export function updateReputation(previous: number | null, p: number, recipient: number | null, discount = 0.5): number {
  if (previous === null) return p;
  return (1 - Math.abs(p - (recipient ?? 0)) + discount * previous) / (1 + discount);
}
