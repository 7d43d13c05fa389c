// Resume after a crash: find the last checkpoint, hand back what was recorded after it (model calls
// can be served again without paying) and where to cut the file before continuing it.
import { closeSync, fstatSync, openSync, readSync, truncateSync } from 'node:fs';
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
