// Charts with uPlot (canvas): lines per agent or metric over rounds, and per condition a mean line with
// its min-max band across seeds.
import uPlot from 'uplot';
import { el } from './dom.js';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

export function color(i: number, alpha = 1): string {
  const hex = COLORS[i % COLORS.length]!;
  if (alpha === 1) return hex;
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

const SIZE = { width: 540, height: 260 };

/** A line per series over `x`. */
export function lineChart(title: string, x: number[], series: Record<string, Array<number | null>>, xLabel = 'round'): HTMLElement {
  const box = el('div', { class: 'chart', 'data-chart': title }, el('h3', {}, title));
  const names = Object.keys(series);
  const data = [x, ...names.map((n) => series[n]!)] as uPlot.AlignedData;
  new uPlot(
    {
      ...SIZE,
      scales: { x: { time: false } },
      axes: [{ label: xLabel }, {}],
      series: [{ label: xLabel }, ...names.map((n, i) => ({ label: n, stroke: color(i), width: 1.5, spanGaps: true, points: { show: x.length < 60 } }))],
    },
    data,
    box,
  );
  return box;
}

export interface BandSeries {
  rounds: number[];
  mean: Array<number | null>;
  min: Array<number | null>;
  max: Array<number | null>;
}

/** Per condition: its mean over seeds as a line and its min-max band, on a shared x axis. */
export function bandChart(title: string, byCondition: Record<string, BandSeries>): HTMLElement {
  const box = el('div', { class: 'chart', 'data-chart': title }, el('h3', {}, `${title} (mean over seeds; band: min to max)`));
  const conditions = Object.keys(byCondition);
  const x = [...new Set(conditions.flatMap((c) => byCondition[c]!.rounds))].sort((a, b) => a - b);
  const at = (b: BandSeries, values: Array<number | null>) => {
    const idx = new Map(b.rounds.map((r, i) => [r, i]));
    return x.map((r) => (idx.has(r) ? values[idx.get(r)!]! : null));
  };
  const data: Array<Array<number | null>> = [x];
  const series: uPlot.Series[] = [{ label: 'round' }];
  const bands: uPlot.Band[] = [];
  conditions.forEach((c, i) => {
    const b = byCondition[c]!;
    const base = data.length;
    data.push(at(b, b.mean), at(b, b.min), at(b, b.max));
    series.push(
      { label: c, stroke: color(i), width: 2, spanGaps: true },
      { label: `${c} min`, stroke: color(i, 0.3), width: 0.5, spanGaps: true },
      { label: `${c} max`, stroke: color(i, 0.3), width: 0.5, spanGaps: true },
    );
    bands.push({ series: [base + 2, base + 1], fill: color(i, 0.15) });
  });
  new uPlot({ ...SIZE, scales: { x: { time: false } }, axes: [{ label: 'round' }, {}], series, bands }, data as uPlot.AlignedData, box);
  return box;
}
