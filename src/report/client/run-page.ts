// The run view: header facts, payoffs and metrics over rounds, final values, then the transcript.
import type { RunView } from '../report-data.js';
import { dollars, el, fmt, table } from './dom.js';
import { lineChart } from './charts.js';
import { transcriptSection } from './transcript.js';

export function runSummary(v: RunView): HTMLElement {
  const t = v.totals;
  return el(
    'section',
    {},
    el('h1', {}, `Run ${v.runId}`),
    el(
      'div',
      { class: 'meta' },
      el('span', {}, `game ${v.game}`),
      el('span', { class: `status-${v.status}` }, `status ${v.status}${v.reason ? ` (${v.reason})` : ''}`),
      el('span', {}, `${t.calls} model calls`),
      el('span', {}, `${t.inputTokens} in / ${t.outputTokens} out tokens`),
      el('span', {}, dollars(t.costUsd)),
      el('span', {}, `${t.cacheHits} cache hits`),
      el('span', {}, `${t.invalid} invalid answers`),
      el('span', {}, v.source),
    ),
  );
}

export function runCharts(v: RunView): HTMLElement {
  const section = el('section', { class: 'charts' }, el('h2', {}, 'Over rounds'));
  if (v.rounds.length === 0) section.append(el('p', {}, 'no payoffs or metrics recorded yet'));
  if (Object.keys(v.payoffs).length > 0) section.append(lineChart('cumulative payoff per agent', v.rounds, v.payoffs));
  const metrics = Object.keys(v.metrics);
  if (metrics.length > 0) {
    const series = Object.fromEntries(metrics.slice(0, 8).map((m) => [m, v.metrics[m]!]));
    section.append(lineChart('metrics', v.rounds, series));
  }
  return section;
}

export function finalTables(v: RunView): HTMLElement {
  const agents = v.agents.map((a) => [a.id, a.role, a.policy, a.model ?? '-', fmt(v.final.payoffs[a.id])]);
  const metrics = Object.entries(v.final.metrics).map(([k, val]) => [k, fmt(val)]);
  return el(
    'section',
    {},
    el('h2', {}, 'Agents and final payoffs'),
    table(['agent', 'role', 'policy', 'model', 'payoff'], agents, 4),
    el('h2', {}, 'Final metrics'),
    table(['metric', 'value'], metrics),
  );
}

export function renderRun(root: HTMLElement, v: RunView): void {
  root.append(runSummary(v), runCharts(v), finalTables(v), el('h2', {}, `Transcript (${v.transcript.length} entries)`));
  root.append(transcriptSection(v.transcript, v.agents.map((a) => a.id)));
  if (v.otherJudgeScores.length > 0) {
    root.append(
      el('h2', {}, 'Other judge scores'),
      table(
        ['judge', 'targets', 'scores'],
        v.otherJudgeScores.map((j) => [j.judge, j.target.join(', '), Object.entries(j.scores).map(([k, s]) => `${k} ${fmt(s)}`).join(', ')]),
        3,
      ),
    );
  }
}
