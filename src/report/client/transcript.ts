// Transcript entries: per model call the exact prompt, the raw answer, the parsed action, model, cache
// status, tokens and cost; invalid answers and defaulted actions highlighted; judge scores on their turn.
import type { TranscriptEntry } from '../report-data.js';
import { dollars, el, fmt } from './dom.js';

export function transcriptEntry(e: TranscriptEntry): HTMLElement {
  const classes = ['entry', e.invalid || e.error ? 'invalid' : '', e.defaulted ? 'defaulted' : ''].filter(Boolean).join(' ');
  const head = el(
    'div',
    { class: 'head' },
    el('b', {}, e.agent),
    el('span', {}, `round ${e.time}`),
    el('span', {}, `#${e.seq}`),
    e.purpose ? el('span', {}, e.purpose) : null,
    e.model ? el('span', { class: 'model' }, e.model) : null,
    e.cache ? el('span', { class: 'badge' }, `cache ${e.cache}`) : null,
    e.inputTokens !== undefined ? el('span', {}, `${e.inputTokens} in / ${e.outputTokens ?? 0} out tokens`) : null,
    e.costUsd !== undefined ? el('span', {}, dollars(e.costUsd)) : null,
    e.invalid ? el('span', { class: 'badge bad' }, `invalid (${e.invalid.kind}) -> ${e.invalid.resolution}`) : null,
    e.defaulted ? el('span', { class: 'badge bad' }, 'defaulted') : null,
  );
  const node = el('div', { class: classes, 'data-seq': String(e.seq) }, head);
  if (e.message) {
    const to = e.message.to === 'all' ? 'all' : e.message.to.join(', ');
    node.append(el('div', {}, `message on ${e.message.channel} to ${to}:`), el('pre', { class: 'message' }, e.message.content));
  }
  if (e.prompt) {
    const prompt = el('details', { class: 'prompt' }, el('summary', {}, `prompt (${e.prompt.length} messages)`));
    for (const m of e.prompt) prompt.append(el('div', {}, el('i', {}, m.role)), el('pre', {}, m.content));
    node.append(prompt);
  }
  if (e.raw !== undefined) node.append(el('div', {}, 'answer:'), el('pre', { class: 'raw' }, e.raw));
  if (e.error) node.append(el('div', { class: 'badge bad' }, e.error));
  if (e.invalid) node.append(el('div', { class: 'invalid-reason' }, `rejected: ${e.invalid.error}`));
  if (e.action !== undefined) node.append(el('div', {}, 'action: ', el('code', { class: 'action' }, JSON.stringify(e.action))));
  for (const j of e.judges ?? []) {
    const scores = Object.entries(j.scores).map(([k, v]) => `${k} ${fmt(v)}`).join(', ');
    node.append(el('div', { class: 'judge' }, el('b', {}, `judge ${j.judge}: `), scores, j.rationale ? el('pre', {}, j.rationale) : null));
  }
  return node;
}

/** Entries with an agent filter and an "invalid only" switch. */
export function transcriptSection(entries: TranscriptEntry[], agents: string[]): HTMLElement {
  const list = el('div', { class: 'transcript' });
  const agent = el('select', {}, el('option', { value: '' }, 'all agents'), ...agents.map((a) => el('option', { value: a }, a)));
  const invalidOnly = el('input', { type: 'checkbox' });
  const draw = () => {
    list.replaceChildren(
      ...entries
        .filter((e) => (!agent.value || e.agent === agent.value) && (!invalidOnly.checked || e.invalid || e.defaulted || e.error))
        .map(transcriptEntry),
    );
  };
  agent.addEventListener('change', draw);
  invalidOnly.addEventListener('change', draw);
  draw();
  return el('section', {}, el('div', { class: 'controls' }, el('label', {}, 'agent ', agent), el('label', {}, invalidOnly, ' invalid only')), list);
}
