// Summary metrics of an economy: welfare, income, labor, taxes, inequality, rates and protocol violations.
import type { EconomistGame } from './economist-game.js';
import type { EconomistState } from './economist-types.js';
import { gini } from '../metrics/gini.js';
import { socialWelfare } from './welfare.js';
import { UTILITY_TYPES } from './utility-types.js';

export function economistMetrics(game: EconomistGame, state: EconomistState): Record<string, number> {
  const n = game.workers.length;
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  const out: Record<string, number> = {
    step: state.step,
    // Welfare is measured on ũ whatever the workers' utility types (as the reference's planner does).
    swf: socialWelfare(state.isoelasticUtility, state.income, game.options.swf),
    swf_inverse_income: socialWelfare(state.isoelasticUtility, state.income, 'inverse-income'),
    swf_utilitarian: socialWelfare(state.isoelasticUtility, state.income, 'utilitarian'),
    mean_swf: state.step ? state.cumulativeSwf / state.step : 0,
    mean_income: mean(state.income),
    mean_labor: mean(state.labor),
    mean_utility: mean(state.isoelasticUtility),
    /** What the workers' own types experienced (differs from mean_utility with altruists, adversaries or bounded workers). */
    mean_experienced_utility: mean(state.utility),
    tax_revenue: state.rebate * n,
    rebate: state.rebate,
    gini_income: gini(state.income),
    planner_updates: state.plannerUpdates,
    elections: state.elections.length,
    violations: state.violations.length,
  };
  state.rates.forEach((r, j) => (out[`rate_${j}`] = r));
  const bounded = state.satisfaction.filter((_, i) => state.utilityTypes[i] === 'bounded');
  // Share of bounded workers who said YES last step (only when there are bounded workers).
  if (bounded.length) out.satisfied_share = mean(bounded.map((r) => (r === 1 ? 1 : 0)));
  for (const type of UTILITY_TYPES) {
    const n = state.utilityTypes.filter((t) => t === type).length;
    if (n && n < state.utilityTypes.length) out[`workers_${type}`] = n;
  }
  return out;
}
