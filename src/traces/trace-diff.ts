// Compares two traces (a rerun and its original, a fork and its parent): where they first part, and
// how the final payoffs and metrics moved. Wall-clock fields and run ids never count as differences.
import type { RunEndEvent, TraceEvent, TraceHeader } from './event.js';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { iterateTrace } from './trace-reader.js';

export interface TraceLike {
  header?: TraceHeader;
  events: readonly TraceEvent[];
}

export interface TraceDivergence {
  /** `seq` of the first event that differs; -1 for the header. */
  seq: number;
  /** Event type in each trace (`(none)` where one trace has ended). */
  type: { a: string; b: string };
  agent: { a?: string; b?: string };
  /** Dotted path of the first differing field inside the event (`''` for the whole event). */
  path: string;
  /** Short JSON summaries of both values. */
  a: string;
  b: string;
}

export interface MetricDelta {
  /** `payoffs.<agent>` or `metrics.<name>`. */
  name: string;
  a: number | null;
  b: number | null;
  /** b - a; null when either side lacks the value. */
  delta: number | null;
}

export interface TraceDiff {
  identical: boolean;
  /** The first event that differs (headers aside: a fork's or a `--set` run's header differs by design). */
  firstDivergence?: TraceDivergence;
  /** The first difference of the headers (config, seeds, models), `seq` -1. */
  header?: TraceDivergence;
  /** From the last run-end event of each trace, sorted by name. */
  metrics: MetricDelta[];
}

/** Fields that differ between otherwise identical runs, at any depth (`attempts[0].durationMs`). */
const IGNORED_EVENT_KEYS = new Set(['wall', 'durationMs', 'delayMs']);
const IGNORED_HEADER_KEYS = new Set(['createdAt', 'runId']);
const SUMMARY_CHARS = 80;

export function diffTraces(a: TraceLike, b: TraceLike): TraceDiff {
  const metrics = metricDeltas(lastRunEnd(a.events), lastRunEnd(b.events));
  const header = a.header && b.header ? headerDivergence(a.header, b.header) : undefined;
  let firstDivergence: TraceDivergence | undefined;
  const n = Math.max(a.events.length, b.events.length);
  for (let i = 0; i < n && !firstDivergence; i++) firstDivergence = eventDivergence(i, a.events[i], b.events[i]);
  return result(header, firstDivergence, metrics);
}

function result(header: TraceDivergence | undefined, firstDivergence: TraceDivergence | undefined, metrics: MetricDelta[]): TraceDiff {
  return { identical: !header && !firstDivergence, ...(firstDivergence ? { firstDivergence } : {}), ...(header ? { header } : {}), metrics };
}

/**
 * `diffTraces` on two trace files, streamed side by side: memory holds one event of each (and the
 * readers' payload streams), not the traces.
 */
export async function diffTraceFiles(fileA: string, fileB: string): Promise<TraceDiff> {
  // Two files the same writer wrote from the same events differ only in wall-clock fields (and the header's
  // run identity): compare the lines as text first, and decode only when some line differs.
  const same = await sameLines(fileA, fileB);
  if (same) return { identical: true, metrics: metricDeltas(same.endA, same.endB) };
  return streamDiff(fileA, fileB);
}

/** Lines from the second on, with wall-clock values blanked (`wall`, `durationMs`, `delayMs`). */
const WALL_FIELDS = /"(wall|durationMs|delayMs)":[-+\d.eE]+/g;

async function sameLines(fileA: string, fileB: string): Promise<{ endA: RunEndEvent; endB: RunEndEvent } | undefined> {
  const a = createInterface({ input: createReadStream(fileA), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const b = createInterface({ input: createReadStream(fileB), crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lastA = '';
  let lastB = '';
  try {
    const [ha, hb] = await Promise.all([a.next(), b.next()]);
    if (ha.done || hb.done || headerDivergence(JSON.parse(ha.value) as TraceHeader, JSON.parse(hb.value) as TraceHeader)) return undefined;
    if (!/"schemaVersion":([2-9]|\d\d)/.test(ha.value) || !/"schemaVersion":([2-9]|\d\d)/.test(hb.value)) return undefined;
    for (;;) {
      const [la, lb] = await Promise.all([a.next(), b.next()]);
      if (la.done || lb.done) {
        if (!la.done || !lb.done) return undefined;
        break;
      }
      if (la.value !== lb.value && la.value.replace(WALL_FIELDS, '') !== lb.value.replace(WALL_FIELDS, '')) return undefined;
      lastA = la.value;
      lastB = lb.value;
    }
  } catch {
    return undefined; // unreadable here: the decoding diff reports it properly
  } finally {
    await Promise.all([a.return?.(), b.return?.()]);
  }
  const endA = JSON.parse(lastA || '{}') as RunEndEvent;
  const endB = JSON.parse(lastB || '{}') as RunEndEvent;
  if (endA.type !== 'run-end' || endB.type !== 'run-end') return undefined;
  return { endA, endB };
}

async function streamDiff(fileA: string, fileB: string): Promise<TraceDiff> {
  const a = iterateTrace(fileA);
  const b = iterateTrace(fileB);
  let firstDivergence: TraceDivergence | undefined;
  let header: TraceDivergence | undefined;
  let endA: RunEndEvent | undefined;
  let endB: RunEndEvent | undefined;
  try {
    for (let i = -1; ; i++) {
      const [sa, sb] = await Promise.all([a.next(), b.next()]);
      const ea = sa.done ? undefined : sa.value;
      const eb = sb.done ? undefined : sb.value;
      if (ea === undefined && eb === undefined) break;
      if (ea?.type === 'run-end') endA = ea;
      if (eb?.type === 'run-end') endB = eb;
      if (firstDivergence) continue;
      if (ea?.type === 'header' && eb?.type === 'header') header = headerDivergence(ea, eb);
      else firstDivergence = eventDivergence(i, ea as TraceEvent | undefined, eb as TraceEvent | undefined);
    }
  } finally {
    await Promise.all([a.return({}), b.return({})]);
  }
  return result(header, firstDivergence, metricDeltas(endA, endB));
}

function headerDivergence(a: TraceHeader, b: TraceHeader): TraceDivergence | undefined {
  const d = firstDifference(stripParentRun(a), stripParentRun(b), '', IGNORED_HEADER_KEYS, false);
  return d ? { seq: -1, type: { a: 'header', b: 'header' }, agent: {}, ...d } : undefined;
}

function eventDivergence(i: number, ea: TraceEvent | undefined, eb: TraceEvent | undefined): TraceDivergence | undefined {
  const d = firstDifference(ea, eb, '', IGNORED_EVENT_KEYS, true);
  if (!d) return undefined;
  return { seq: i, type: { a: ea?.type ?? '(none)', b: eb?.type ?? '(none)' }, agent: withDefined({ a: ea?.agent, b: eb?.agent }), ...d };
}

function stripParentRun(header: TraceHeader): unknown {
  return header.parent ? { ...header, parent: { ...header.parent, runId: undefined } } : header;
}

function firstDifference(
  a: unknown,
  b: unknown,
  path: string,
  ignored: ReadonlySet<string>,
  /** Ignore the keys at any depth, not only at the top. */
  deep: boolean,
): { path: string; a: string; b: string } | undefined {
  if (Object.is(a, b)) return undefined;
  const bothObjects = isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) return { path, a: summarise(a), b: summarise(b) };
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`, ignored, deep);
      if (d) return d;
    }
    return undefined;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])];
  for (const key of keys) {
    if ((deep || path === '') && ignored.has(key)) continue;
    if (ra[key] === undefined && rb[key] === undefined) continue;
    const d = firstDifference(ra[key], rb[key], path ? `${path}.${key}` : key, ignored, deep);
    if (d) return d;
  }
  return undefined;
}

function isObject(v: unknown): v is object {
  return v !== null && typeof v === 'object';
}

function summarise(v: unknown): string {
  if (v === undefined) return '(missing)';
  const s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(10)) : x));
  return s.length > SUMMARY_CHARS ? `${s.slice(0, SUMMARY_CHARS - 1)}…` : s;
}

function lastRunEnd(events: readonly TraceEvent[]): RunEndEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'run-end') return e;
  }
  return undefined;
}

function metricDeltas(a: RunEndEvent | undefined, b: RunEndEvent | undefined): MetricDelta[] {
  const out: MetricDelta[] = [];
  for (const group of ['payoffs', 'metrics'] as const) {
    const ga = a?.[group] ?? {};
    const gb = b?.[group] ?? {};
    const names = [...new Set([...Object.keys(ga), ...Object.keys(gb)])].sort();
    for (const name of names) {
      const va = ga[name] ?? null;
      const vb = gb[name] ?? null;
      // The delta rounded to 12 significant digits: 0.3 - 0.1 is 0.2, not 0.19999999999999998.
      out.push({ name: `${group}.${name}`, a: va, b: vb, delta: va === null || vb === null ? null : Number((vb - va).toPrecision(12)) });
    }
  }
  return out;
}

function withDefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
