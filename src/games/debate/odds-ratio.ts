// The odds ratio of a 2×2 table with Woolf's (log) confidence interval. The debate study (Salvi et al.,
// Nature Human Behaviour 2025; spec 8.2) reports "+81.7% odds of higher post-debate agreement with the
// opponent" for personalised GPT-4 against human–human; we report the 2×2 reading of that effect:
//
//                       moved toward opponent   did not
//   condition                   a                  b
//   baseline                    c                  d
//
//   OR = (a/b) / (c/d) = a·d / (b·c),   SE(ln OR) = sqrt(1/a + 1/b + 1/c + 1/d)   (Woolf 1955)
//   95% CI = exp(ln OR ± 1.959964·SE)
//
// When a cell is 0 the OR is 0 or unbounded; then 0.5 is added to every cell (Haldane–Anscombe), so the
// estimate stays finite and JSON-serialisable. The paper's own model is an ordinal regression of post-debate
// agreement on condition controlling for pre-debate agreement; the 2×2 OR is its binary counterpart.

export interface TwoByTwo {
  /** Condition, moved toward the opponent. */
  a: number;
  /** Condition, did not move. */
  b: number;
  /** Baseline, moved. */
  c: number;
  /** Baseline, did not move. */
  d: number;
}

export interface OddsRatio {
  oddsRatio: number;
  logOddsRatio: number;
  /** Standard error of ln OR. */
  standardError: number;
  ciLow: number;
  ciHigh: number;
  /** True when the Haldane–Anscombe 0.5 was added. */
  corrected: boolean;
}

const Z_975 = 1.959963984540054;

export function oddsRatio(table: TwoByTwo): OddsRatio {
  for (const [k, v] of Object.entries(table)) {
    if (!(Number.isInteger(v) && v >= 0)) throw new RangeError(`oddsRatio: cell ${k} must be a count (integer ≥ 0), got ${v}`);
  }
  const corrected = table.a === 0 || table.b === 0 || table.c === 0 || table.d === 0;
  const k = corrected ? 0.5 : 0;
  const [a, b, c, d] = [table.a + k, table.b + k, table.c + k, table.d + k];
  const logOddsRatio = Math.log(a) + Math.log(d) - Math.log(b) - Math.log(c);
  const standardError = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  return {
    oddsRatio: Math.exp(logOddsRatio),
    logOddsRatio,
    standardError,
    ciLow: Math.exp(logOddsRatio - Z_975 * standardError),
    ciHigh: Math.exp(logOddsRatio + Z_975 * standardError),
    corrected,
  };
}
