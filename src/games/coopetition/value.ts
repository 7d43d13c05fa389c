// Value functions of Coopetition-Gym (spec §16). The docstrings of the source quote 78.55 and 189.60; the
// implementation (np.log1p) gives f(50) = 78.636 and total_value([50, 50]) = 189.773, which we follow.
import type { CoopetitionModel } from './params.js';

/** Power value a^β. */
export function powerValue(a: number, beta = 0.75): number {
  return Math.max(0, a) ** beta;
}

/** Logarithmic value θ·ln(1 + a). */
export function logarithmicValue(a: number, theta = 20): number {
  return theta * Math.log1p(Math.max(0, a));
}

export function individualValue(a: number, m: Pick<CoopetitionModel, 'valueFunction' | 'theta' | 'beta'>): number {
  return m.valueFunction === 'power' ? powerValue(a, m.beta) : logarithmicValue(a, m.theta);
}

/** Synergy g(a) = (Π a_i)^{1/N}, the geometric mean; 0 when any a_i ≤ 1e-10. Computed in logs to avoid overflow. */
export function synergy(investments: readonly number[]): number {
  if (investments.length === 0 || investments.some((a) => a <= 1e-10)) return 0;
  return Math.exp(investments.reduce((s, a) => s + Math.log(a), 0) / investments.length);
}

/** Total value V = Σ f(a_i) + γ·g(a). */
export function totalValue(investments: readonly number[], m: Pick<CoopetitionModel, 'valueFunction' | 'theta' | 'beta' | 'gamma'>): number {
  return investments.reduce((s, a) => s + individualValue(a, m), 0) + m.gamma * synergy(investments);
}

/** Private payoffs π_i = e_i − a_i + f(a_i) + α_i·γ·g(a). */
export function privatePayoffs(investments: readonly number[], m: CoopetitionModel): number[] {
  const surplus = m.gamma * synergy(investments);
  return investments.map((a, i) => (m.endowments[i] as number) - a + individualValue(a, m) + (m.alpha[i] as number) * surplus);
}

/** Integrated utilities U_i = π_i + Σ_{j≠i} T_ij·D_ij·π_j (T = 1 gives the trust-free form). */
export function integratedUtilities(payoffs: readonly number[], m: Pick<CoopetitionModel, 'interdependence' | 'trust'>): number[] {
  return payoffs.map((own, i) => {
    let u = own;
    payoffs.forEach((other, j) => {
      if (j !== i) u += (m.trust[i]?.[j] ?? 1) * (m.interdependence[i]?.[j] ?? 0) * other;
    });
    return u;
  });
}
