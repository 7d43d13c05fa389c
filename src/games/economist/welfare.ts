// Worker utility and the planner's social welfare functions (spec 1.1).

/** Disutility scale c and exponent δ of the isoelastic utility. */
export const LABOR_COST = { c: 0.0005, delta: 3.5 } as const;

/** u = (z − tax + R) − c·l^δ. */
export function workerUtility(income: number, tax: number, rebate: number, labor: number, cost: { c: number; delta: number } = LABOR_COST): number {
  return income - tax + rebate - cost.c * labor ** cost.delta;
}

export type SwfKind = 'inverse-income' | 'utilitarian';

/**
 * `inverse-income` ("rawlsian" in the reference): Σ u_i / max(z_i, 1), a sum although the reference prompt calls it
 * an average; `utilitarian`: Σ u_i.
 */
export function socialWelfare(utilities: ArrayLike<number>, incomes: ArrayLike<number>, kind: SwfKind): number {
  let s = 0;
  for (let i = 0; i < utilities.length; i++) {
    const u = utilities[i] as number;
    s += kind === 'utilitarian' ? u : u / Math.max(incomes[i] as number, 1);
  }
  return s;
}
