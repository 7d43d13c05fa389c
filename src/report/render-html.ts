// One self-contained HTML page: styles (uPlot's and ours), the view data as JSON in a
// <script type="application/json"> (every `<` escaped, so no agent text can close the element) and the
// client bundle inline. A Content-Security-Policy allows only those exact scripts (by hash) and no
// network: an injected handler or <script> in agent text could not run even if the client misplaced it.
import { createHash } from 'node:crypto';
import { clientBundle, uplotCss } from './client-bundle.js';
import type { ReportView } from './report-data.js';
import { packRunPrompts } from './pack-prompts.js';
import { REPORT_CSS } from './report-css.js';

/** The id of the element that holds the view data. */
export const DATA_ELEMENT_ID = 'polis-data';

/** JSON that is safe inside a <script> element: `<`, U+2028 and U+2029 escaped. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The page; `live` (a page `polis view` serves) may fetch from its own origin. */
export async function renderReportHtml(view: ReportView | { kind: 'live'; api: string }, title: string, live = false): Promise<string> {
  const js = await clientBundle();
  if (/<\/script/i.test(js)) throw new Error('the client bundle contains "</script"; it cannot be inlined');
  const hash = createHash('sha256').update(js, 'utf8').digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:${live ? "; connect-src 'self'" : ''}`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    `<style>${uplotCss()}\n${REPORT_CSS}</style>`,
    '</head><body><main id="app"></main>',
    `<script type="application/json" id="${DATA_ELEMENT_ID}">${embedJson(view.kind === 'live' ? view : packRunPrompts(view))}</script>`,
    `<script>${js}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

/** For the few strings the server writes into markup itself (the title). */
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
