// CoMAS interaction rewards (spec 10; Xue et al., arXiv 2510.08529; wt-2048/comas@144962ff7ef3).
// A scorer rates a (solution, evaluation) pair with `<score>n</score>`, n ∈ {1,2,3}; s = (n − 1)/2.
// Solver gets s, evaluator 1 − s (zero-sum), scorer 0. When the scorer produced no output at all,
// the scorer gets −1 and solver and evaluator 0.

export interface ComasScore {
  /** 1, 2 or 3. */
  score: 1 | 2 | 3;
  /** `tag`: a well-formed `<score>n</score>`; `fallback`: the last 1–3 digit in the text; `default`: 2. */
  source: 'tag' | 'fallback' | 'default';
}

/**
 * Parse a scorer's text. Returns null only when there is no text (the scorer produced nothing);
 * otherwise the tag, else the last standalone digit 1–3, else the default 2 (spec 10).
 */
export function parseComasScore(text: string | null | undefined): ComasScore | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const tags = [...text.matchAll(/<score>\s*([123])\s*<\/score>/g)];
  const tag = tags.at(-1)?.[1];
  if (tag) return { score: Number(tag) as 1 | 2 | 3, source: 'tag' };
  const digits = [...text.matchAll(/(?<!\d)([123])(?!\d)/g)];
  const last = digits.at(-1)?.[1];
  if (last) return { score: Number(last) as 1 | 2 | 3, source: 'fallback' };
  return { score: 2, source: 'default' };
}

export interface ComasRewards {
  solver: number;
  evaluator: number;
  scorer: number;
}

/** Rewards of one interaction from the parsed score (null: the scorer produced no score). */
export function comasRewards(score: ComasScore | null): ComasRewards {
  if (score === null) return { solver: 0, evaluator: 0, scorer: -1 };
  const s = (score.score - 1) / 2;
  return { solver: s, evaluator: 1 - s, scorer: 0 };
}
