// Entry point of the browser code: reads the view data embedded in the page and draws it; a page served
// by `polis view` carries `{ kind: 'live' }` and fetches its data from the server instead.
import { unpackRunPrompts } from '../pack-prompts.js';
import type { ReportView } from '../report-data.js';
import { renderLive, type LiveDescriptor } from './live.js';
import { renderPair } from './pair-page.js';
import { renderRun } from './run-page.js';
import { renderSweep } from './sweep-page.js';

function main(): void {
  const root = document.getElementById('app')!;
  const parsed = JSON.parse(document.getElementById('polis-data')!.textContent ?? 'null') as ReportView | LiveDescriptor;
  const data = parsed.kind === 'live' ? parsed : unpackRunPrompts(parsed);
  if (data.kind === 'run') renderRun(root, data);
  else if (data.kind === 'sweep') renderSweep(root, data);
  else if (data.kind === 'pair') renderPair(root, data);
  else void renderLive(root, data);
}

main();
