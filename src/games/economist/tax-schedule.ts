// Piecewise-linear marginal income tax (spec 1.1) and the bracket sets of the reference code.

/** Bracket edges in dollars per year; the last edge caps taxable income. */
export const BRACKETS = {
  flat: [0, 1e7],
  three: [0, 90000, 159100, 1e7],
  /** 2024 US federal single-filer brackets (IRS Rev. Proc. 2023-34), capped at 10^7. */
  'us-fed': [0, 11600, 47150, 100525, 191950, 243725, 609350, 1e7],
} as const satisfies Record<string, readonly number[]>;

export type BracketSet = keyof typeof BRACKETS;

/** 2024 US federal marginal rates, percent. */
export const US_FED_RATES = [10, 12, 22, 24, 32, 35, 37] as const;

/** tax = Σ_j (r_j/100)·[(b_{j+1} − b_j)·1(z > b_{j+1}) + (z − b_j)·1(b_j < z ≤ b_{j+1})]. `rates` in percent. */
export function taxOwed(income: number, rates: readonly number[], brackets: readonly number[]): number {
  let tax = 0;
  for (let j = 0; j < rates.length; j++) {
    const lo = brackets[j] as number;
    const hi = brackets[j + 1] as number;
    if (income > hi) tax += ((rates[j] as number) / 100) * (hi - lo);
    else if (income > lo) tax += ((rates[j] as number) / 100) * (income - lo);
  }
  return tax;
}

/** Index of the bracket holding `income` (incomes at or below 0 fall in the first, above the cap in the last). */
export function bracketOf(income: number, brackets: readonly number[]): number {
  for (let j = 1; j < brackets.length - 1; j++) if (income <= (brackets[j] as number)) return j - 1;
  return brackets.length - 2;
}
