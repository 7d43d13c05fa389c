// Two runs side by side from their first divergence: where they part, deltas over the aligned rounds,
// final deltas, and both transcripts from the divergence on.
import type { PairView } from '../report-data.js';
import { lineChart } from './charts.js';
import { append, el, fmt, table } from './dom.js';
import { runSummary } from './run-page.js';
import { transcriptEntry } from './transcript.js';

export function renderPair(root: HTMLElement, v: PairView): void {
  const h = v.diff.firstDivergence;
  const d = v.eventDivergence;
  append(
    root,
    el('h1', {}, 'Two runs side by side'),
    h && h.seq < 0 ? el('p', { class: 'header-divergence' }, `headers differ first at ${h.path}: ${h.a} vs ${h.b}`) : null,
    el(
      'p',
      { class: 'divergence' },
      d
        ? `first divergence at seq ${d.seq} (round ${v.divergenceRound ?? '-'}): ${d.type.a} vs ${d.type.b}, field ${d.path || '(event)'}: ${d.a} vs ${d.b}`
        : 'events identical (wall-clock fields aside)',
    ),
    el('div', { class: 'pair' }, runSummary(v.a), runSummary(v.b)),
  );
  if (v.aligned.rounds.length > 0 && Object.keys(v.aligned.deltas).length > 0) {
    root.append(el('h2', {}, 'Deltas (B - A) from the divergence'), lineChart('delta B - A', v.aligned.rounds, v.aligned.deltas));
  }
  const sign = (x: number | null) => el('td', { class: x === null || x === 0 ? '' : x > 0 ? 'delta-pos' : 'delta-neg' }, x === null ? '-' : x > 0 ? `+${fmt(x)}` : fmt(x));
  root.append(el('h2', {}, 'Final payoffs and metrics'), table(['name', 'A', 'B', 'B - A'], v.diff.metrics.map((m) => [m.name, fmt(m.a), fmt(m.b), sign(m.delta)])));
  const from = v.divergenceRound ?? Number.POSITIVE_INFINITY;
  const column = (label: string, entries: PairView['a']['transcript']) =>
    el('div', {}, el('h2', {}, label), ...entries.filter((e) => e.time >= from).slice(0, 200).map(transcriptEntry));
  root.append(el('div', { class: 'pair' }, column(`A: ${v.a.source}`, v.a.transcript), column(`B: ${v.b.source}`, v.b.transcript)));
}
