// Trace write and read-back throughput. Run: npx tsx bench/engine/trace-write.ts
// Writes bench/results/trace-write.json and .md. Figures are medians of REPEATS runs; the machine is
// shared, so compare runs on the same machine only.
import { TRACE_SCHEMA_VERSION } from '../../src/core/version.js';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { NewTraceEvent, TraceHeader } from '../../src/traces/event.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { TraceWriter, type TraceWriterOptions } from '../../src/traces/trace-writer.js';

const SMALL_EVENTS = 200_000;
const MODEL_CALLS = 20_000;
const REPEATS = 3;

const header: TraceHeader = {
  type: 'header', schemaVersion: TRACE_SCHEMA_VERSION, runId: 'bench', sdk: { name: 'polis', version: '0.1.0' }, packages: {},
  config: {}, seeds: { root: 1 }, models: {}, prompts: {}, createdAt: '2026-01-01T00:00:00.000Z',
};

/** A typical round of a repeated game: phase, two actions, an outcome-like metric, a chat line. */
function smallEvent(i: number): NewTraceEvent {
  const time = Math.floor(i / 5);
  switch (i % 5) {
    case 0: return { type: 'phase-start', time, phase: { kind: 'simultaneous', agents: ['alice', 'bob'], round: time } };
    case 1: return { type: 'action', time, agent: 'alice', parents: [i - 1], action: { move: 'C' } };
    case 2: return { type: 'action', time, agent: 'bob', parents: [i - 2], action: { move: 'D' } };
    case 3: return { type: 'metric', time, parents: [i - 2, i - 1], name: 'cooperation', value: 0.5 };
    default: return { type: 'message', time, from: 'alice', to: ['bob'], channel: 'chat', content: `round ${time}: let us both cooperate` };
  }
}

const system = 'You are a villager sharing a fishing lake with others. '.repeat(8);
function modelCall(i: number): NewTraceEvent {
  return {
    type: 'model-call', time: i, agent: 'alice', provider: 'scripted', modelId: 'echo', requestHash: `r${i}`,
    call: { turn: i }, request: { messages: [{ role: 'system', content: system }, { role: 'user', content: `Round ${i}: how many tons?` }] },
    response: { text: `{"catch": ${i % 10}}`, finishReason: 'stop' },
    usage: { inputTokens: 120, outputTokens: 8, cachedInputTokens: 0, reasoningTokens: 0 }, cost: 0.0001,
    attempts: [{ attempt: 1, ok: true, durationMs: 3 }], cache: 'miss',
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface WriteFigure { name: string; events: number; eventsPerSecond: number; bytes: number; closeMs?: number }

function benchWrite(dir: string, name: string, count: number, make: (i: number) => NewTraceEvent, options: TraceWriterOptions): WriteFigure {
  const rates: number[] = [];
  const closes: number[] = [];
  let bytes = 0;
  for (let r = 0; r < REPEATS; r++) {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.jsonl`);
    const events = Array.from({ length: count }, (_, i) => make(i));
    const w = TraceWriter.create(file, header, { ...options, overwrite: true });
    const t0 = performance.now();
    for (const e of events) w.append(e);
    const t1 = performance.now();
    w.close(); // includes one fsync of the whole file, timed apart: it is paid once per run, not per event
    closes.push(performance.now() - t1);
    rates.push(count / ((t1 - t0) / 1000));
    bytes = statSync(file).size;
  }
  return { name, events: count, eventsPerSecond: Math.round(median(rates)), bytes, closeMs: Math.round(median(closes)) };
}

/** The floor: JSON.stringify and one writeSync per event, no TraceWriter (same events as the small events). */
function benchRawWrites(dir: string): WriteFigure {
  const events = Array.from({ length: SMALL_EVENTS }, (_, i) => ({ seq: i, ...smallEvent(i) }));
  const rates: number[] = [];
  const file = join(dir, 'raw.jsonl');
  for (let r = 0; r < REPEATS; r++) {
    const fd = openSync(file, 'w');
    const t0 = performance.now();
    for (const e of events) writeSync(fd, `${JSON.stringify(e)}\n`);
    closeSync(fd);
    rates.push(SMALL_EVENTS / ((performance.now() - t0) / 1000));
  }
  return { name: 'baseline: JSON.stringify + writeSync per event (no TraceWriter)', events: SMALL_EVENTS, eventsPerSecond: Math.round(median(rates)), bytes: statSync(file).size };
}

async function benchRead(file: string): Promise<{ events: number; eventsPerSecond: number; megabytesPerSecond: number }> {
  const rates: number[] = [];
  let events = 0;
  const size = statSync(file).size;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    events = (await readTrace(file)).events.length;
    rates.push((performance.now() - t0) / 1000);
  }
  const s = median(rates);
  return { events, eventsPerSecond: Math.round(events / s), megabytesPerSecond: +(size / s / 1e6).toFixed(1) };
}

export async function runTraceWriteBench(): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), 'polis-bench-trace-'));
  try {
    const writes = [
      benchRawWrites(dir),
      benchWrite(dir, 'small events, one write per event, finite-number check (default)', SMALL_EVENTS, smallEvent, {}),
      benchWrite(dir, 'small events, one write per event, no check', SMALL_EVENTS, smallEvent, { validate: 'off' }),
      benchWrite(dir, 'small events, one write per event, full zod validation', SMALL_EVENTS, smallEvent, { validate: 'full' }),
      benchWrite(dir, 'small events, batched 64 KiB (opt-in), finite-number check', SMALL_EVENTS, smallEvent, { bufferBytes: 65536 }),
      benchWrite(dir, 'model calls with an interned 450-char system prompt (default)', MODEL_CALLS, modelCall, {}),
    ];
    const read = {
      small: await benchRead(join(dir, 'small-events-one-write-per-event-finite-number-check-default-.jsonl')),
      modelCalls: await benchRead(join(dir, 'model-calls-with-an-interned-450-char-system-prompt-default-.jsonl')),
    };
    const machine = {
      node: process.version,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
      note: 'shared machine (about 8 engineers on 2 cores while measured)',
    };
    const result = { date: new Date().toISOString(), repeats: REPEATS, target: { eventsPerSecond: 200_000 }, machine, writes, read };
    const results = new URL('../results/', import.meta.url);
    writeFileSync(new URL('trace-write.json', results), `${JSON.stringify(result, null, 2)}\n`);
    const md = [
      '# Trace write / read benchmark',
      '',
      `Run \`npx tsx bench/engine/trace-write.ts\`. Median of ${REPEATS} runs. ${result.date}.`,
      '',
      `Machine: node ${machine.node}, ${machine.os}, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.note}.`,
      '',
      '| write | events | events/s (append loop) | close() incl. fsync, ms | file bytes |',
      '|---|---:|---:|---:|---:|',
      ...writes.map(
        (w) =>
          `| ${w.name} | ${w.events} | ${w.eventsPerSecond.toLocaleString('en')} | ${w.closeMs ?? '-'} | ${w.bytes.toLocaleString('en')} |`,
      ),
      '',
      '| read back (readTrace: parse, resolve $text, zod-validate) | events | events/s | MB/s |',
      '|---|---:|---:|---:|',
      `| small events | ${read.small.events} | ${read.small.eventsPerSecond.toLocaleString('en')} | ${read.small.megabytesPerSecond} |`,
      `| model calls (+ text events) | ${read.modelCalls.events} | ${read.modelCalls.eventsPerSecond.toLocaleString('en')} | ${read.modelCalls.megabytesPerSecond} |`,
      '',
      'Target: >= 200,000 small events/s written with the default (durable) settings. Unbuffered, each',
      'event costs one write system call, so the baseline row (no TraceWriter, same lines) is the ceiling on this',
      'machine at that moment; the load of other processes moves all rows together.',
      '',
    ].join('\n');
    writeFileSync(new URL('trace-write.md', results), md);
    process.stdout.write(md);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runTraceWriteBench();
}
