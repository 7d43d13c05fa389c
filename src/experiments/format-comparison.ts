// comparison.json as a plain-text table for the terminal: per metric, each condition's n, mean, sd and
// 95% interval, then each paired difference (b - a) with its interval and p. Metrics that are the same
// in every cell are listed by name only.
import type { Comparison, SampleSummary } from './sweep-directory.js';

export function formatComparison(comparison: Comparison): string {
  const lines: string[] = [`intervals: ${comparison.interval}`, `differences: ${comparison.paired}`];
  const constant: string[] = [];
  const labels = comparison.conditions.flatMap((a, i) => [a, ...comparison.conditions.slice(i + 1).map((b) => `${b} - ${a}`)]);
  const width = Math.max(10, ...labels.map((l) => l.length)) + 2;
  const header = ['n', 'mean', 'sd', '95% interval'];
  for (const [metric, m] of Object.entries(comparison.metrics)) {
    const summaries = Object.values(m.byCondition);
    const means = new Set(summaries.map((s) => s.mean));
    if (means.size <= 1 && summaries.every((s) => !s.sd)) {
      constant.push(metric);
      continue;
    }
    lines.push('', metric, `  ${''.padEnd(width)}${header[0]!.padStart(4)}  ${header[1]!.padStart(10)}  ${header[2]!.padStart(10)}  ${header[3]}`);
    for (const [condition, s] of Object.entries(m.byCondition)) lines.push(`  ${condition.padEnd(width)}${row(s)}`);
    for (const d of m.differences) {
      const name = `${d.b} - ${d.a}`;
      lines.push(`  ${name.padEnd(width)}${row(d)}  p ${d.p === null ? '-' : formatP(d.p)}`);
    }
  }
  if (constant.length) lines.push('', `same in every cell: ${constant.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function row(s: SampleSummary): string {
  const interval = s.ci95 ? `[${num(s.ci95[0])}, ${num(s.ci95[1])}]` : '-';
  return `${String(s.n).padStart(4)}  ${num(s.mean).padStart(10)}  ${num(s.sd).padStart(10)}  ${interval}`;
}

const num = (v: number | null): string => (v === null ? '-' : Number.isInteger(v) ? String(v) : Math.abs(v) >= 1000 ? v.toFixed(1) : v.toPrecision(4));
const formatP = (p: number): string => (p < 0.001 ? '< 0.001' : p.toFixed(3));
