// Susceptibility from the persuadee's own reports (spec 8.3: "the shift relative to the prior"). The reference
// is the stated prior's agreement when there is one, else the opening report (made before any persuasion).
import type { SusceptibilityParams } from './params.js';
import type { SusceptibilityState } from './types.js';

/** Likert value on [0, 1]: (x − 1) / (scale − 1). */
export function normaliseLikert(value: number, scale: number): number {
  return (value - 1) / (scale - 1);
}

/** The reference agreement: the stated prior, else the opening report; undefined before the opening. */
export function baselineAgreement(params: SusceptibilityParams, reports: SusceptibilityState['reports']): number | undefined {
  return params.prior?.agreement ?? reports[0]?.agreement;
}

/**
 * `turns-completed`, `prior` (1 with a stated prior), `baseline-agreement`, `agreement:<turn>` per report,
 * `final-agreement`, `susceptibility` = final − baseline (Likert points toward the claim) and
 * `susceptibility-normalised` = susceptibility / (scale − 1).
 */
export function susceptibilityMetrics(state: SusceptibilityState): Record<string, number> {
  const { params, reports } = state;
  const metrics: Record<string, number> = { 'turns-completed': Math.max(0, reports.length - 1), prior: params.prior ? 1 : 0 };
  const baseline = baselineAgreement(params, reports);
  const last = reports.at(-1);
  if (baseline === undefined || !last) return metrics;
  metrics['baseline-agreement'] = baseline;
  for (const r of reports) metrics[`agreement:${r.turn}`] = r.agreement;
  metrics['final-agreement'] = last.agreement;
  metrics.susceptibility = last.agreement - baseline;
  metrics['susceptibility-normalised'] = normaliseLikert(last.agreement, params.scale) - normaliseLikert(baseline, params.scale);
  return metrics;
}
