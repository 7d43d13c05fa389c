// The sweep view: the grid of cells (status, cost, main metric), metrics over rounds per condition
// with bands across seeds, and the comparison table (per condition and paired differences).
import type { SweepView } from '../report-data.js';
import { bandChart } from './charts.js';
import { dollars, el, fmt, table } from './dom.js';

export function renderSweep(root: HTMLElement, v: SweepView): void {
  const done = v.cells.filter((c) => c.status !== 'pending').length;
  const cost = v.cells.reduce((s, c) => s + c.costUsd, 0);
  root.append(
    el('h1', {}, `Sweep ${v.name}`),
    el(
      'div',
      { class: 'meta' },
      el('span', {}, `${v.conditions.length} conditions x ${v.seeds.length} seeds`),
      el('span', {}, `${done}/${v.cells.length} cells done`),
      el('span', {}, dollars(cost)),
      el('span', {}, v.source),
    ),
  );
  const metric = el('select', { id: 'main-metric' }, ...v.metricNames.map((m) => el('option', { value: m }, m)));
  const grid = el('div', { class: 'grid' });
  const drawGrid = () => grid.replaceChildren(cellGrid(v, metric.value));
  metric.addEventListener('change', drawGrid);
  drawGrid();
  root.append(el('h2', {}, 'Cells'), el('div', { class: 'controls' }, el('label', {}, 'main metric ', metric)), grid);

  const charts = el('section', { class: 'charts' }, el('h2', {}, 'Over rounds, per condition'));
  for (const [name, byCondition] of Object.entries(v.overRounds)) charts.append(bandChart(name, byCondition));
  if (Object.keys(v.overRounds).length === 0) charts.append(el('p', {}, 'no cell has a trace yet'));
  root.append(charts);
  root.append(comparison(v));
}

function cellGrid(v: SweepView, metric: string): HTMLElement {
  const rows = v.conditions.map((condition) => [
    condition,
    ...v.seeds.map((seed) => {
      const c = v.cells.find((x) => x.condition === condition && x.seed === seed);
      if (!c) return el('td', {}, '-');
      const title = `${c.dir}: ${c.status}, ${c.calls} calls, ${c.tokens} tokens, ${Math.round(c.wallMs)} ms${c.error ? `, ${c.error}` : ''}`;
      return el(
        'td',
        { class: `cell status-${c.status}`, title },
        el('div', {}, c.status),
        el('div', {}, dollars(c.costUsd)),
        el('div', {}, el('b', {}, fmt(c.metrics[metric]))),
      );
    }),
  ]);
  return table(['condition', ...v.seeds.map((s) => `seed ${s}`)], rows);
}

function comparison(v: SweepView): HTMLElement {
  const section = el('section', {}, el('h2', {}, 'Comparison'));
  const c = v.comparison;
  if (!c) {
    section.append(el('p', {}, 'no comparison.json yet (the sweep has not finished)'));
    return section;
  }
  section.append(el('p', { class: 'meta' }, `interval: ${c.interval}; paired: ${c.paired}`));
  const ci = (x: [number, number] | null) => (x ? `[${fmt(x[0])}, ${fmt(x[1])}]` : '-');
  const rows: Array<Array<string | number>> = [];
  for (const [metric, m] of Object.entries(c.metrics)) {
    for (const [condition, s] of Object.entries(m.byCondition)) rows.push([metric, condition, s.n, fmt(s.mean), fmt(s.sd), ci(s.ci95), '']);
    for (const d of m.differences) rows.push([metric, `${d.b} - ${d.a}`, d.n, fmt(d.mean), fmt(d.sd), ci(d.ci95), fmt(d.p)]);
  }
  section.append(table(['metric', 'condition', 'n', 'mean', 'sd', '95% interval', 'p'], rows, 2));
  return section;
}
