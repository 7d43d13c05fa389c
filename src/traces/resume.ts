// Resume after a crash: find the last checkpoint, hand back what was recorded after it (model calls
// can be served again without paying) and where to cut the file before continuing it.
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, truncateSync, writeSync } from 'node:fs';
import { InputError } from '../core/errors/index.js';
import type { CheckpointEvent, TraceEvent, TraceHeader } from './event.js';
import { scanTraceFileSync, type TornLine } from './trace-reader.js';

export interface ResumePoint {
  header: TraceHeader;
  /** Events up to and including the last checkpoint; empty when there is none. */
  events: TraceEvent[];
  /** The last checkpoint; undefined when the run never reached one (then `events` is empty). */
  lastCheckpoint: CheckpointEvent | undefined;
  /** Complete events recorded after the last checkpoint, `$text` resolved. */
  eventsAfterCheckpoint: TraceEvent[];
  /** Byte offset just past the last checkpoint's line (past the header when there is none). */
  byteOffset: number;
  /** A torn last line, already excluded from `eventsAfterCheckpoint`. */
  torn?: TornLine;
}

/** Reads a (possibly crashed) trace and locates its last checkpoint. Corruption before the end throws. */
export function prepareResume(file: string): ResumePoint {
  let header: TraceHeader | undefined;
  const all: TraceEvent[] = [];
  let cutIndex = 0;
  let byteOffset = 0;
  const { torn } = scanTraceFileSync(file, ({ value, end }) => {
    if (value.type === 'header') {
      header = value;
      byteOffset = end;
      return;
    }
    all.push(value);
    if (value.type === 'checkpoint') {
      cutIndex = all.length;
      byteOffset = end;
    }
  });
  const events = all.slice(0, cutIndex);
  const last = events.at(-1);
  const point: ResumePoint = {
    header: header!,
    events,
    lastCheckpoint: last?.type === 'checkpoint' ? last : undefined,
    eventsAfterCheckpoint: all.slice(cutIndex),
    byteOffset,
  };
  if (torn) point.torn = torn;
  return point;
}

/**
 * Cuts a trace file at `byteOffset`, which must be a line end (as `prepareResume` returns), so
 * that the file stays a valid trace.
 */
export function truncateTrace(file: string, byteOffset: number): void {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (!Number.isInteger(byteOffset) || byteOffset <= 0 || byteOffset > size) {
      throw new InputError(`cannot truncate at byte ${byteOffset}: the file has ${size} bytes`, { file });
    }
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, byteOffset - 1);
    if (last[0] !== 0x0a) {
      throw new InputError(`cannot truncate at byte ${byteOffset}: it is not the end of a line`, { file });
    }
  } finally {
    closeSync(fd);
  }
  truncateSync(file, byteOffset);
}

/**
 * Replaces a trace's header line (a resume with raised budgets records the config it continues with).
 * The rest of the file is copied unchanged into a sibling file that then replaces the trace, so a crash
 * midway leaves the original whole.
 */
export function replaceTraceHeader(file: string, header: TraceHeader): void {
  const input = openSync(file, 'r');
  const tmp = `${file}.header-${process.pid}.tmp`;
  const output = openSync(tmp, 'w');
  try {
    const chunk = Buffer.alloc(1 << 16);
    let position = 0;
    let headerDone = false;
    for (;;) {
      const n = readSync(input, chunk, 0, chunk.length, position);
      if (n === 0) break;
      let start = 0;
      if (!headerDone) {
        const nl = chunk.subarray(0, n).indexOf(0x0a);
        if (nl < 0) {
          position += n;
          continue;
        }
        writeSync(output, `${JSON.stringify(header)}\n`);
        headerDone = true;
        start = nl + 1;
      }
      writeSync(output, chunk, start, n - start);
      position += n;
    }
    if (!headerDone) throw new InputError('the trace has no complete header line', { file });
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
  renameSync(tmp, file);
}
