// Reading traces: whole (`readTrace`), streamed (`iterateTrace`), in memory (`parseTraceText`) and a
// synchronous line scan with byte offsets (`scanTraceFileSync`) for the writer and resume. All go
// through `TraceScanner`, so they accept and reject exactly the same files.
import { createReadStream, closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../core/errors/index.js';
import type { TraceEvent, TraceHeader } from './event.js';
import { TraceScanner, type ScannedLine, type TornLine } from './trace-scanner.js';

export type { TornLine } from './trace-scanner.js';

export interface ReadTraceResult {
  header: TraceHeader;
  /** Every event, `text` events included, with `$text` references already resolved. */
  events: TraceEvent[];
  /** Set when the last line was cut short by a crash; that line is not in `events`. */
  torn?: TornLine;
}

const CHUNK = 1 << 20;

function ioError(file: string, cause: unknown): InputError {
  const code = (cause as NodeJS.ErrnoException).code;
  const what = code === 'ENOENT' ? 'no such trace file' : `cannot read trace file (${code ?? String(cause)})`;
  return new InputError(what, { file }, { cause });
}

/**
 * Streams a trace: yields the header, then each event in order. A torn last line ends the stream
 * quietly; its position is the generator's return value. Corruption anywhere else throws InputError.
 * With `types`, only the header and events of those types are read and yielded (the others are skipped
 * unparsed, their seq still checked). With `rewrite`, a writer given the payloads read here writes them
 * in the form they were read, without encoding them again (a rerun keeps every recorded call anyway).
 */
export async function* iterateTrace(
  file: string,
  options: { types?: ReadonlySet<TraceEvent['type']>; rewrite?: boolean } = {},
): AsyncGenerator<TraceHeader | TraceEvent, { torn?: TornLine }, undefined> {
  const scanner = new TraceScanner(file, options.types, options.rewrite);
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream) {
      for (const line of scanner.push(chunk as Buffer)) yield line.value;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw ioError(file, e);
  } finally {
    stream.destroy();
  }
  return scanner.finish();
}

/** Reads a whole trace into memory. */
export async function readTrace(file: string): Promise<ReadTraceResult> {
  const it = iterateTrace(file);
  let header: TraceHeader | undefined;
  const events: TraceEvent[] = [];
  for (;;) {
    const step = await it.next();
    if (step.done) return withTorn({ header: header!, events }, step.value.torn);
    if (step.value.type === 'header') header = step.value;
    else events.push(step.value);
  }
}

/** Parses a trace held in memory; `fileName` is used in error messages. */
export function parseTraceText(text: string, fileName: string): ReadTraceResult {
  const scanner = new TraceScanner(fileName);
  const lines = scanner.push(Buffer.from(text, 'utf8'));
  const { torn } = scanner.finish();
  return withTorn(collect(lines), torn);
}

/**
 * Synchronous scan with line numbers and byte ends (used by the writer and resume). `onEnd` sees the
 * scanner after the last complete line (its payload streams, for a writer that continues the file).
 */
export function scanTraceFileSync(
  file: string,
  onLine: (line: ScannedLine, scanner: TraceScanner) => void,
  onEnd?: (scanner: TraceScanner) => void,
): { torn?: TornLine } {
  const scanner = new TraceScanner(file);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw ioError(file, e);
  }
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      // The scanner may keep a view of the chunk for a partial line, so hand it a copy.
      scanner.push(Buffer.from(buf.subarray(0, n)), (line) => onLine(line, scanner));
    }
  } finally {
    closeSync(fd);
  }
  const end = scanner.finish();
  onEnd?.(scanner);
  return end;
}

function collect(lines: ScannedLine[]): ReadTraceResult {
  const [first, ...rest] = lines;
  return { header: first!.value as TraceHeader, events: rest.map((l) => l.value as TraceEvent) };
}

function withTorn(result: ReadTraceResult, torn: TornLine | undefined): ReadTraceResult {
  return torn ? { ...result, torn } : result;
}
