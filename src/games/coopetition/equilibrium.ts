// Equilibria of the coopetition game (spec §16): Nash maximises each π_i, the coopetitive equilibrium each
// U_i. Both by best-response iteration from a_i = 0.3·e_i, each best response a 1-D maximisation on [0, e_i].
import { integratedUtilities, privatePayoffs } from './value.js';
import type { CoopetitionModel } from './params.js';

const PHI = (Math.sqrt(5) - 1) / 2;

/** Maximiser of a concave (unimodal) f on [lo, hi] by golden-section search; endpoints are compared too. */
export function maximise1D(f: (x: number) => number, lo: number, hi: number, tolerance = 1e-10): number {
  let a = lo;
  let b = hi;
  let c = b - PHI * (b - a);
  let d = a + PHI * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tolerance * Math.max(1, hi - lo)) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - PHI * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + PHI * (b - a);
      fd = f(d);
    }
  }
  const mid = (a + b) / 2;
  return [lo, hi, mid].reduce((best, x) => (f(x) > f(best) ? x : best), mid);
}

export interface EquilibriumResult {
  investments: number[];
  payoffs: number[];
  utilities: number[];
  iterations: number;
  converged: boolean;
}

/** Best-response iteration (Gauss–Seidel: each agent answers the latest profile) until no move exceeds `tolerance`. */
export function solveEquilibrium(m: CoopetitionModel, kind: 'nash' | 'coopetitive', options: { tolerance?: number; maxIterations?: number } = {}): EquilibriumResult {
  // Near its maximum a payoff of size ~200 is flat to machine precision over ~2e-6 units of investment
  // (width ≈ √(2ε|U|/|U''|)), so best responses jitter at that scale; 1e-5 is the honest stopping point.
  const tolerance = options.tolerance ?? 1e-5;
  const maxIterations = options.maxIterations ?? 1000;
  const a = m.endowments.map((e) => 0.3 * e);
  const objective = (i: number) => (x: number) => {
    const profile = a.map((v, j) => (j === i ? x : v));
    const pi = privatePayoffs(profile, m);
    return kind === 'nash' ? (pi[i] as number) : (integratedUtilities(pi, m)[i] as number);
  };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    let moved = 0;
    for (let i = 0; i < m.n; i++) {
      const best = maximise1D(objective(i), 0, m.endowments[i] as number);
      moved = Math.max(moved, Math.abs(best - (a[i] as number)));
      a[i] = best;
    }
    converged = moved < tolerance;
  }
  const payoffs = privatePayoffs(a, m);
  return { investments: [...a], payoffs, utilities: integratedUtilities(payoffs, m), iterations, converged };
}

/**
 * First-order condition at a symmetric interior equilibrium with equal shares α = 1/N and a uniform
 * off-diagonal weight w = T·D (w = 0 for Nash): f'(a) = 1 − (1 + (N−1)·w)·γ/N² (derivation in README.md).
 * Log value: a = θ / (1 − (1 + (N−1)w)γ/N²) − 1; power value: a = (β / (1 − (1 + (N−1)w)γ/N²))^{1/(1−β)}.
 * Valid while the result lies inside [0, e].
 */
export function symmetricInvestment(m: Pick<CoopetitionModel, 'n' | 'valueFunction' | 'theta' | 'beta' | 'gamma'>, weight = 0): number {
  const marginal = 1 - ((1 + (m.n - 1) * weight) * m.gamma) / (m.n * m.n);
  return m.valueFunction === 'power' ? (m.beta / marginal) ** (1 / (1 - m.beta)) : m.theta / marginal - 1;
}
