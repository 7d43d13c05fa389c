// Debate metrics: each pair's agreement shift toward the opponent's side, summarised per condition, and
// each condition's odds ratio against the baseline condition (see odds-ratio.ts for the formula and source).
import { mean } from '../metrics/mean.js';
import { oddsRatio } from './odds-ratio.js';
import { conditionKey, type DebatePair, type DebateParams } from './params.js';
import type { PairRecord } from './types.js';

/**
 * Likert points the participant moved toward the opponent's side: post − pre when the opponent argues PRO
 * (more agreement with the proposition), pre − post when it argues CON. Positive = persuaded.
 */
export function shiftTowardOpponent(pair: Pick<DebatePair, 'side'>, pre: number, post: number): number {
  return pair.side === 'con' ? post - pre : pre - post;
}

export interface PairOutcome {
  condition: string;
  shift: number;
}

/** The finished pairs (both surveys answered) with their condition key and shift. */
export function pairOutcomes(params: DebateParams, records: readonly PairRecord[]): PairOutcome[] {
  const out: PairOutcome[] = [];
  params.pairs.forEach((pair, i) => {
    const r = records[i];
    if (r?.pre === undefined || r.post === undefined) return;
    out.push({ condition: conditionKey(pair), shift: shiftTowardOpponent(pair, r.pre, r.post) });
  });
  return out;
}

/**
 * `pairs-completed`, `mean-shift-toward-opponent`; per condition C: `n:C`, `mean-shift:C`, `moved-share:C`
 * (share of pairs with shift > 0); per non-baseline condition, when both it and the baseline have pairs:
 * `odds-ratio:C`, `odds-ratio-ci-low:C`, `odds-ratio-ci-high:C` (95%).
 */
export function debateMetrics(params: DebateParams, records: readonly PairRecord[]): Record<string, number> {
  const outcomes = pairOutcomes(params, records);
  const metrics: Record<string, number> = { 'pairs-completed': outcomes.length };
  if (outcomes.length === 0) return metrics;
  metrics['mean-shift-toward-opponent'] = mean(outcomes.map((o) => o.shift));
  const byCondition = new Map<string, number[]>();
  for (const o of outcomes) byCondition.set(o.condition, [...(byCondition.get(o.condition) ?? []), o.shift]);
  const counts = (shifts: number[]) => ({ moved: shifts.filter((s) => s > 0).length, stayed: shifts.filter((s) => s <= 0).length });
  const baselineKey = conditionKey(params.baseline);
  const baseline = byCondition.get(baselineKey);
  for (const [key, shifts] of [...byCondition].sort(([x], [y]) => x.localeCompare(y))) {
    const { moved, stayed } = counts(shifts);
    metrics[`n:${key}`] = shifts.length;
    metrics[`mean-shift:${key}`] = mean(shifts);
    metrics[`moved-share:${key}`] = moved / shifts.length;
    if (key === baselineKey || !baseline) continue;
    const base = counts(baseline);
    const r = oddsRatio({ a: moved, b: stayed, c: base.moved, d: base.stayed });
    metrics[`odds-ratio:${key}`] = r.oddsRatio;
    metrics[`odds-ratio-ci-low:${key}`] = r.ciLow;
    metrics[`odds-ratio-ci-high:${key}`] = r.ciHigh;
  }
  return metrics;
}
