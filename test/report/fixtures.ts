// Run and sweep directories for the report and viewer tests, made by the real CLI (offline models), and a
// trace carrying hostile agent text, written by the real TraceWriter.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { NewTraceEvent, TraceEvent } from '../../src/traces/event.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';
import { cli } from '../helpers/cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const QUICKSTART = join(ROOT, 'examples/quickstart/prisoners-dilemma.yaml');

/** Each piece must show as text and never run: it sets `window.__pwned` if it does. */
export const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '</script><script>window.__pwned = "close"</script>',
  '\u001b[31mred\u001b[0m \u001b]0;title\u0007 \u2028',
].join(' ');

export function tempDir(prefix = 'polis-report-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The offline quickstart run (prisoner's dilemma, 10 rounds). */
export async function quickstartRun(dir: string, extra: string[] = []): Promise<string> {
  const out = join(dir, 'run');
  const r = await cli(['run', QUICKSTART, '--out', out, '--quiet', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return out;
}

/** A 2 conditions x 2 seeds sweep of the quickstart against two opponents. */
export async function smallSweep(dir: string): Promise<string> {
  const config = join(dir, 'pd.sweep.yaml');
  writeFileSync(
    config,
    [
      'name: pd-small',
      `base: ${QUICKSTART}`,
      'seeds: [1, 2]',
      'conditions:',
      '  - name: tit-for-tat',
      '    set: { "agents[1].policy.strategy": tit-for-tat }',
      '  - name: defector',
      '    set: { "agents[1].policy.strategy": defector }',
      '',
    ].join('\n'),
  );
  const out = join(dir, 'sweep');
  const r = await cli(['sweep', config, '--out', out]);
  expect(r.code).toBe(0);
  return out;
}

/**
 * A copy of `runDir`'s trace where the first model call's answer and a message carry `HOSTILE`, written
 * event by event through TraceWriter (which interns texts and writes deltas as for any run).
 */
export async function hostileRun(runDir: string, dir: string): Promise<string> {
  const { header, events } = await readTrace(join(runDir, 'trace.jsonl'));
  const out = join(dir, 'hostile');
  mkdirSync(out);
  const writer = TraceWriter.create(join(out, 'trace.jsonl'), header);
  let answered = false;
  const strip = (e: TraceEvent): NewTraceEvent => {
    const { seq: _seq, ...rest } = e;
    return rest as NewTraceEvent;
  };
  for (const e of events) {
    if (e.type === 'text') continue;
    if (e.type === 'run-end') {
      writer.append({ type: 'message', time: e.time, from: 'alice', to: 'all', channel: 'public', content: HOSTILE });
    }
    if (e.type === 'model-call' && !answered) {
      answered = true;
      writer.append(strip({ ...e, response: { ...e.response, text: `${e.response.text} ${HOSTILE}` } }));
      continue;
    }
    writer.append(strip(e));
  }
  writer.close();
  return out;
}
