// comparison.json from the result rows: per metric, each condition's mean, sd and t interval over its
// finished seeds, and for every pair of conditions the paired difference over the seeds both finished.
import type { Comparison, ResultRow, SweepManifest } from './sweep-directory.js';
import { metricNames } from './sweep-files.js';
import { INTERVAL_METHOD, PAIRED_METHOD, pairedDifference, summarize } from './stats/t-statistics.js';

/** Statuses whose metrics describe a whole game (a stopped or failed run's metrics are partial). */
export const COMPARABLE_STATUSES: ReadonlySet<ResultRow['status']> = new Set(['completed', 'degraded']);

export function compareResults(rows: readonly ResultRow[], grid: Pick<SweepManifest, 'conditions' | 'seeds'>): Comparison {
  const conditions = grid.conditions.map((c) => c.name);
  const usable = rows.filter((r) => COMPARABLE_STATUSES.has(r.status));
  const value = new Map<string, number>();
  const key = (metric: string, condition: string, seed: number) => `${metric}\u0000${condition}\u0000${seed}`;
  for (const r of usable) for (const [m, v] of Object.entries(r.metrics)) value.set(key(m, r.condition, r.seed), v);

  const metrics: Comparison['metrics'] = {};
  for (const metric of metricNames(usable)) {
    const byCondition: Comparison['metrics'][string]['byCondition'] = {};
    for (const c of conditions) {
      const values = grid.seeds.map((s) => value.get(key(metric, c, s))).filter((v): v is number => v !== undefined);
      byCondition[c] = summarize(values);
    }
    const differences = [];
    for (let i = 0; i < conditions.length; i++) {
      for (let j = i + 1; j < conditions.length; j++) {
        const a = conditions[i]!;
        const b = conditions[j]!;
        const pairs: Array<[number, number]> = [];
        for (const s of grid.seeds) {
          const x = value.get(key(metric, a, s));
          const y = value.get(key(metric, b, s));
          if (x !== undefined && y !== undefined) pairs.push([x, y]);
        }
        differences.push(pairedDifference(a, b, pairs));
      }
    }
    metrics[metric] = { byCondition, differences };
  }
  return { version: 1, conditions, seeds: [...grid.seeds], interval: INTERVAL_METHOD, paired: PAIRED_METHOD, metrics };
}
