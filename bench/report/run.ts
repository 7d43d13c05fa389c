// Report and viewer benchmark (`npm run bench:report`, writes bench/results/report.json and report.md):
//  1. `polis report` on a trace of ~10,000 events (the offline quickstart played for many rounds): time to
//     write the HTML and its size;
//  2. `polis view` on a ~1 GB trace (that trace's events appended again and again through TraceWriter, in a
//     temporary directory deleted afterwards): time from starting the process to the first transcript page,
//     and the process's peak RSS (VmHWM) at the first page and after the background chart pass.
// The sweep figure of issue 13 (100 scripted cells against 100 `polis run` processes) is bench:sweeps'.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { distStaleReason } from '../../scripts/dist-freshness.mjs';
import type { NewTraceEvent } from '../../src/traces/event.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';

const root = join(import.meta.dirname, '../..');
if (distStaleReason(root)) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
const BIN = join(root, 'bin/polis.js');
const ROUNDS = Number(process.env['BENCH_REPORT_ROUNDS'] ?? 1250);
const SHORT_ROUNDS = 20;
const BIG_BYTES = Number(process.env['BENCH_VIEW_BYTES'] ?? 2 ** 30);
const work = mkdtempSync(join(os.tmpdir(), 'polis-bench-report-'));
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
/** How long to wait for the background chart pass before reading the peak RSS anyway. */
const SUMMARY_WAIT_S = Number(process.env['BENCH_VIEW_SUMMARY_WAIT_S'] ?? 300);
const loadStart = os.loadavg()[0]!;

try {
  // 1. The 10,000-event run and its report.
  const run = join(work, 'run');
  execFileSync(process.execPath, [BIN, 'run', join(root, 'examples/quickstart/prisoners-dilemma.yaml'), '--out', run, '--quiet', '--set', `params.rounds=${ROUNDS}`], { stdio: 'ignore' });
  const trace = await readTrace(join(run, 'trace.jsonl'));
  const reportTimes: number[] = [];
  let htmlBytes = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    execFileSync(process.execPath, [BIN, 'report', run, '--out', join(work, 'report.html'), '--force'], { stdio: 'ignore' });
    reportTimes.push(seconds(t0));
    htmlBytes = statSync(join(work, 'report.html')).size;
  }

  // 2. A ~1 GB trace: a short run's events again and again (times shifted), written by TraceWriter. (The
  //    long run's prompts grow with its history, which makes re-encoding it far slower than a real run.)
  const short = join(work, 'short');
  execFileSync(process.execPath, [BIN, 'run', join(root, 'examples/quickstart/prisoners-dilemma.yaml'), '--out', short, '--quiet', '--set', `params.rounds=${SHORT_ROUNDS}`], { stdio: 'ignore' });
  const source = await readTrace(join(short, 'trace.jsonl'));
  const big = join(work, 'big.jsonl');
  const writer = TraceWriter.create(big, source.header, { bufferBytes: 1 << 20 });
  const body = source.events.filter((e) => e.type !== 'text' && e.type !== 'run-end' && e.type !== 'run-start');
  writer.append(strip(source.events.find((e) => e.type === 'run-start')!, 0));
  let copies = 0;
  const t0 = process.hrtime.bigint();
  while (statSync(big).size < BIG_BYTES) {
    for (const e of body) writer.append(strip(e, copies * (SHORT_ROUNDS + 1)));
    writer.flush();
    copies += 1;
  }
  writer.close();
  const writeSeconds = seconds(t0);
  const bigBytes = statSync(big).size;
  const view = await viewFirstPage(big);

  const machine = `${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}`;
  const loadEnd = os.loadavg()[0]!;
  const median = [...reportTimes].sort((a, b) => a - b)[1]!;
  const results = {
    date: new Date().toISOString(),
    machine,
    load: { start: loadStart, end: loadEnd },
    report: { events: trace.events.length, traceBytes: statSync(join(run, 'trace.jsonl')).size, seconds: reportTimes, medianSeconds: median, htmlBytes },
    view: { traceBytes: bigBytes, events: copies * body.length + 1, generateSeconds: writeSeconds, ...view },
  };
  writeFileSync(join(root, 'bench/results/report.json'), `${JSON.stringify(results, null, 2)}\n`);
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  writeFileSync(
    join(root, 'bench/results/report.md'),
    [
      '# Report and viewer benchmark',
      '',
      '`npm run bench:report`. The run: the offline quickstart (prisoner\'s dilemma, scripted model) played for',
      `${ROUNDS} rounds (its prompts grow with the history, so most of the HTML is prompts). The big trace: a`,
      `${SHORT_ROUNDS}-round run's events appended again and again (rounds shifted) through TraceWriter.`,
      '',
      `Machine: ${machine}. Shared with seven other agents' work: 1-minute load average ${loadStart.toFixed(1)} at the start and ${loadEnd.toFixed(1)} at the end on ${os.cpus().length} cores (treat timings as upper bounds).`,
      '',
      '## `polis report` of a 10,000-event trace',
      '',
      '| events | trace | HTML | time (median of 3, process start included) |',
      '|---|---|---|---|',
      `| ${trace.events.length} | ${mb(results.report.traceBytes)} | ${mb(htmlBytes)} | ${median.toFixed(2)} s |`,
      '',
      '## `polis view` of a 1 GB trace',
      '',
      '| trace | events | index + first page (process start to page 0 received) | peak RSS at first page | peak RSS after the chart pass |',
      '|---|---|---|---|---|',
      `| ${mb(bigBytes)} | ${results.view.events} | ${view.firstPageSeconds.toFixed(2)} s | ${mb(view.rssAtFirstPage)} | ${mb(view.rssAfterSummary)} (${view.summaryDone ? `pass done in ${view.summarySeconds.toFixed(0)} s` : `pass not done after ${view.summarySeconds.toFixed(0)} s`}) |`,
      '',
      'The viewer streams the file once to index line offsets (8 bytes per event), then reads only the lines',
      'of the page asked for; the chart pass folds every event into per-round series in the background.',
      '',
      '## 100 scripted cells against 100 `polis run` processes',
      '',
      'Measured by `npm run bench:sweeps`: see [sweeps.md](sweeps.md) (one `polis sweep` process was ~80x faster).',
      '',
    ].join('\n'),
  );
  console.log(readFileSync(join(root, 'bench/results/report.md'), 'utf8'));
} finally {
  rmSync(work, { recursive: true, force: true });
}

function strip(e: NewTraceEvent & { seq?: number }, shift: number): NewTraceEvent {
  const { seq: _seq, ...rest } = e;
  return { ...rest, time: rest.time + shift, ...(rest.parents ? { parents: [] } : {}) } as NewTraceEvent;
}

/** Starts `polis view` on `file`, times its first page, and reads its peak RSS. */
async function viewFirstPage(file: string): Promise<{ firstPageSeconds: number; rssAtFirstPage: number; rssAfterSummary: number; summarySeconds: number; summaryDone: boolean }> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [BIN, 'view', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) ok(m[1]!);
      });
      child.once('exit', (code) => fail(new Error(`polis view exited ${code}`)));
    });
    const page = (await (await fetch(`${url}api/page/0`)).json()) as { entries: unknown[] };
    if (page.entries.length === 0) throw new Error('empty first page');
    const firstPageSeconds = seconds(t0);
    const rssAtFirstPage = peakRss(child.pid!);
    const info = (await (await fetch(`${url}api/info`)).json()) as { events: number };
    const t1 = process.hrtime.bigint();
    // The chart pass is done when the summary's totals stop changing between polls.
    let last = '';
    let summaryDone = false;
    while (seconds(t1) < SUMMARY_WAIT_S) {
      await new Promise((r) => setTimeout(r, 2000));
      const summary = JSON.stringify(((await (await fetch(`${url}api/summary`)).json()) as { totals: unknown }).totals);
      if (summary === last) {
        summaryDone = true;
        break;
      }
      last = summary;
    }
    if (info.events <= 0) throw new Error('no events indexed');
    return { firstPageSeconds, rssAtFirstPage, rssAfterSummary: peakRss(child.pid!), summarySeconds: seconds(t1), summaryDone };
  } finally {
    child.kill('SIGTERM');
  }
}

function peakRss(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!;
  return Number(kb) * 1024;
}
