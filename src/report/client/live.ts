// The page `polis view` serves: the same views, with data fetched from the server. A run's transcript
// comes a page of events at a time (the server never reads a trace whole); with "follow" on, the page
// polls for appended events (a running trace) and shows the newest page.
import type { LiveInfo, LivePage, ReportView, RunView } from '../report-data.js';
import { el } from './dom.js';
import { renderPair } from './pair-page.js';
import { finalTables, runCharts, runSummary } from './run-page.js';
import { renderSweep } from './sweep-page.js';
import { transcriptEntry } from './transcript.js';

export interface LiveDescriptor {
  kind: 'live';
  /** Base URL of the server's JSON API. */
  api: string;
}

async function get<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function renderLive(root: HTMLElement, d: LiveDescriptor): Promise<void> {
  const info = await get<LiveInfo>(`${d.api}/info`);
  if (info.kind !== 'run') {
    const view = await get<ReportView>(`${d.api}/view`);
    if (view.kind === 'sweep') renderSweep(root, view);
    else if (view.kind === 'pair') renderPair(root, view);
    return;
  }
  const summary = el('div', { id: 'summary' });
  const pager = el('div', { id: 'pager' });
  const list = el('div', { class: 'transcript', id: 'entries' });
  root.append(summary, el('h2', {}, 'Transcript'), pager, list);

  let current = info;
  let page = 0;
  const follow = el('input', { type: 'checkbox', id: 'follow' });
  const position = el('span', { id: 'position' });
  const button = (label: string, go: () => number) => {
    const b = el('button', { type: 'button', 'data-go': label }, label);
    b.addEventListener('click', () => void show(go()));
    return b;
  };
  const pages = () => Math.max(1, Math.ceil(current.events / current.pageSize));
  pager.append(
    button('first', () => 0),
    button('previous', () => Math.max(0, page - 1)),
    position,
    button('next', () => Math.min(pages() - 1, page + 1)),
    button('last', () => pages() - 1),
    el('label', {}, follow, ' follow (tail a running trace)'),
  );

  async function show(n: number): Promise<void> {
    const p = await get<LivePage>(`${d.api}/page/${n}`);
    page = n;
    position.textContent = ` page ${n + 1} of ${pages()} (events ${p.from}-${p.to - 1} of ${current.events}) `;
    list.replaceChildren(...p.entries.map(transcriptEntry));
    list.setAttribute('data-page', String(n));
  }

  async function drawSummary(): Promise<void> {
    const v = await get<RunView>(`${d.api}/summary`);
    summary.replaceChildren(runSummary(v), runCharts(v), finalTables(v));
    summary.setAttribute('data-events', String(current.events));
  }

  await show(0);
  await drawSummary();
  setInterval(() => {
    void (async () => {
      const next = await get<LiveInfo>(`${d.api}/info`);
      if (next.events === current.events) return;
      current = next;
      if (follow.checked) await show(pages() - 1);
      else position.textContent = ` page ${page + 1} of ${pages()} (${current.events} events) `;
      await drawSummary();
    })();
  }, 1000);
}
