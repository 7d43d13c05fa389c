// Converts a trace recorded elsewhere (an orchestration trace, OTLP JSON spans, a chat transcript)
// into a Polis trace file. Detects the format when not told, and names it when told a different one.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { systemClock, type Clock } from '../../core/clock.js';
import { InputError } from '../../core/errors/input-error.js';
import { SDK_NAME, SDK_VERSION } from '../../core/version.js';
import type { TraceHeader } from '../event.js';
import { TraceWriter } from '../trace-writer.js';
import { fromChat } from './from-chat.js';
import { fromOrchestration } from './from-orchestration.js';
import { fromOtel } from './from-otel.js';
import { FORMAT_NAMES, IMPORT_FORMATS, type ConvertedTrace, type ImportFormat, type ImportedConfig } from './imported.js';

/** The format of a file's text: one of the importable ones, `polis`, or undefined when none fits. */
export function detectTraceFormat(text: string): ImportFormat | 'polis' | undefined {
  const body = text.replace(/^\uFEFF/, '');
  const whole = tryJson(body);
  if (whole !== undefined) return formatOfRecord(whole, true);
  const firstLine = body.split(/\r?\n/).find((l) => l.trim() !== '');
  return firstLine === undefined ? undefined : formatOfRecord(tryJson(firstLine), false);
}

function formatOfRecord(value: unknown, whole: boolean): ImportFormat | 'polis' | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  if ('resourceSpans' in o) return 'otel';
  if (whole && 'events' in o && ('edges' in o || 'trace_id' in o)) return 'orchestration';
  if (o.type === 'header' && 'schemaVersion' in o) return 'polis';
  if (typeof o.role === 'string') return 'chat';
  return undefined;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface ImportTraceOptions {
  /** The source format. @default detected from the content */
  from?: ImportFormat;
  /** For the header's `createdAt` when the source has no timestamp. @default systemClock */
  clock?: Clock;
}

export interface ImportedTrace {
  format: ImportFormat;
  header: TraceHeader;
  trace: ConvertedTrace;
}

/** Converts a file's text (in memory); `file` names it in errors and in the header. */
export function convertTrace(text: string, file: string, options: ImportTraceOptions = {}): ImportedTrace {
  const detected = detectTraceFormat(text);
  if (options.from !== undefined && !IMPORT_FORMATS.includes(options.from)) {
    throw new InputError(`unknown source format "${String(options.from)}"; expected ${IMPORT_FORMATS.join(', ')}`, { file });
  }
  if (detected === 'polis') throw new InputError(`this is already ${FORMAT_NAMES.polis}; nothing to import`, { file });
  const format = options.from ?? detected;
  if (format === undefined) {
    throw new InputError(`cannot tell the format; expected ${IMPORT_FORMATS.map((f) => FORMAT_NAMES[f]).join(', or ')} (or pass --from)`, { file });
  }
  if (detected !== undefined && detected !== format) {
    throw new InputError(`this looks like ${FORMAT_NAMES[detected]}, not ${FORMAT_NAMES[format]}; pass --from ${detected}`, { file });
  }
  const body = text.replace(/^\uFEFF/, '');
  const name = basename(file);
  let trace: ConvertedTrace;
  if (format === 'chat') {
    trace = fromChat(body, file, name.replace(/\.[^.]*$/, ''));
  } else if (format === 'orchestration') {
    trace = fromOrchestration(parseJson(body, file), file);
  } else {
    const whole = tryJson(body);
    trace = fromOtel(whole !== undefined ? [{ request: whole }] : otlpLines(body, file), file);
  }
  const recordedRequests = trace.events.filter((e) => e.event.type === 'model-call' && e.event.request.messages.length > 0).length;
  const models: TraceHeader['models'] = {};
  for (const { event } of trace.events) {
    if (event.type === 'model-call' && !models[event.agent]) models[event.agent] = { provider: event.provider, modelId: event.modelId };
  }
  const config: ImportedConfig & { game: string } = { game: `imported:${format}`, imported: { from: format, file: name, document: trace.document, recordedRequests } };
  const header: TraceHeader = {
    type: 'header',
    schemaVersion: 2,
    runId: trace.runId,
    sdk: { name: SDK_NAME, version: SDK_VERSION },
    packages: {},
    config,
    seeds: { root: 0 },
    models,
    prompts: {},
    createdAt: trace.createdAt ?? new Date((options.clock ?? systemClock).now()).toISOString(),
  };
  return { format, header, trace };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${(error as Error).message}`, { file });
  }
}

/** OTLP JSON Lines (the collector's file exporter): one request per line. */
function otlpLines(text: string, file: string): Array<{ request: unknown; line: number }> {
  const out: Array<{ request: unknown; line: number }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const request = tryJson(raw);
    if (request === undefined) throw new InputError('not JSON; expected one OTLP JSON request per line, or one JSON document', { file, line: i + 1 });
    out.push({ request, line: i + 1 });
  });
  return out;
}

export interface ImportTraceFileOptions extends ImportTraceOptions {
  /** The output directory; the trace is written to `<out>/trace.jsonl`. */
  out: string;
  /** Replace an existing `<out>/trace.jsonl`. @default false */
  force?: boolean;
}

export interface ImportTraceFileResult {
  format: ImportFormat;
  trace: string;
  runId: string;
  events: number;
  recordedRequests: number;
}

/** Reads `file`, converts it and writes `<out>/trace.jsonl`; never replaces a trace unless `force`. */
export function importTraceFile(file: string, options: ImportTraceFileOptions): ImportTraceFileResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read: ${(error as Error).message}`, { file });
  }
  const { format, header, trace } = convertTrace(text, file, options);
  const target = join(options.out, 'trace.jsonl');
  if (existsSync(target) && !options.force) throw new InputError('already exists; pass --force to replace it', { file: target });
  mkdirSync(options.out, { recursive: true });
  const writer = TraceWriter.create(target, header, { overwrite: Boolean(options.force) });
  const seqs: number[] = [];
  try {
    for (const { event, parents } of trace.events) {
      const mapped = parents.map((p) => seqs[p]!);
      seqs.push(writer.append(mapped.length ? { ...event, parents: mapped } : event));
    }
  } finally {
    writer.close();
  }
  return { format, trace: target, runId: header.runId, events: trace.events.length, recordedRequests: (header.config as ImportedConfig).imported.recordedRequests };
}
