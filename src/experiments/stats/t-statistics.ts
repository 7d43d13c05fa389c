// Mean, sample sd and Student-t 95% intervals of a sample, and the paired t-test of two samples on the
// same seeds. The t distribution's quantile and CDF come from jstat. Checked in the tests against R's
// `t.test(extra ~ group, data = sleep, paired = TRUE)` (Student 1908; R's datasets::sleep).
import jStat from 'jstat';
import type { PairedDifference, SampleSummary } from '../sweep-directory.js';

export const INTERVAL_METHOD = 'Student t 95% interval of the mean (two-sided, n - 1 degrees of freedom)';
export const PAIRED_METHOD = 'paired t-test on b - a over the seeds both conditions finished (two-sided, n - 1 degrees of freedom)';

/** n, mean, sample sd and the t interval; with n < 2 only the mean (or nothing) is known. */
export function summarize(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, ci95: null };
  const mean = jStat.mean(values);
  if (n < 2) return { n, mean, sd: null, ci95: null };
  const sd = jStat.stdev(values, true);
  const half = jStat.studentt.inv(0.975, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, ci95: [mean - half, mean + half] };
}

/** The paired t-test of `b[i] - a[i]`. */
export function pairedDifference(a: string, b: string, values: ReadonlyArray<readonly [number, number]>): PairedDifference {
  const d = values.map(([x, y]) => y - x);
  const s = summarize(d);
  let p: number | null = null;
  if (s.n >= 2 && s.sd !== null && s.mean !== null) {
    // Every difference equal: no spread, so the test degenerates to "no difference" or "certain difference".
    if (s.sd === 0) p = s.mean === 0 ? 1 : 0;
    else {
      const t = s.mean / (s.sd / Math.sqrt(s.n));
      p = Math.min(1, 2 * (1 - jStat.studentt.cdf(Math.abs(t), s.n - 1)));
    }
  }
  return { a, b, ...s, p };
}
