// Levenshtein (edit) distance: the fewest single-character insertions, deletions and substitutions
// turning one string into the other. Used to match misspelled proposal items to real menu items, as
// experiments/run_analytics.py of microsoft/multi-agent-marketplace@02206b1 does (spec 6.2).

/**
 * Edit distance between `a` and `b`, counted over Unicode code points (not UTF-16 units), with unit
 * costs. Case-sensitive: callers normalise first. Two-row dynamic programme, O(|a|·|b|) time.
 */
export function levenshteinDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length < t.length) return levenshteinDistance(b, a);
  if (t.length === 0) return s.length;
  // prev[j] = distance between the first i characters of s and the first j of t.
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 0; i < s.length; i++) {
    const cur = [i + 1];
    for (let j = 0; j < t.length; j++) {
      const substitute = (prev[j] as number) + (s[i] === t[j] ? 0 : 1);
      const remove = (prev[j + 1] as number) + 1;
      const insert = (cur[j] as number) + 1;
      cur.push(Math.min(substitute, remove, insert));
    }
    prev = cur;
  }
  return prev[t.length] as number;
}
