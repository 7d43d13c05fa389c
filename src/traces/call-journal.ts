// Write-ahead log of answered model calls that are not in the trace yet. A concurrent phase writes its
// events in seat order, so an answer can wait in memory behind a slower seat; the engine appends such
// answers here (one synchronous write each batch) so that `kill -9` loses at most the calls in flight.
// `resume` serves them again with the trace's own recorded calls. The file lives beside the trace
// (`trace.jsonl` -> `trace.calls.jsonl`), is emptied at every checkpoint (every phase before a
// checkpoint is in the trace) and removed when the run ends.
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { canonicalJson } from '../core/hash.js';
import type { ModelCallEvent, NewTraceEvent } from './event.js';

/** The journal file that belongs to a trace file. */
export function callJournalFile(traceFile: string): string {
  return `${traceFile.replace(/\.jsonl$/, '')}.calls.jsonl`;
}

/** A recorded call as the journal holds it: a `model-call` event without `seq` or `parents`. */
export type JournaledCall = Omit<ModelCallEvent, 'seq' | 'parents'>;

export class CallJournal {
  private fd: number | undefined;
  private empty: boolean;

  private constructor(
    readonly file: string,
    fd: number,
    empty: boolean,
  ) {
    this.fd = fd;
    this.empty = empty;
  }

  /**
   * Opens the journal of `traceFile`: empty for a new trace; with `keep` (a resume), what the crashed run
   * left stays until the resumed run's next checkpoint, so a second crash before then loses nothing either.
   */
  static open(traceFile: string, options: { keep?: boolean } = {}): CallJournal {
    const file = callJournalFile(traceFile);
    const kept = Boolean(options.keep) && existsSync(file) && readFileSync(file).length > 0;
    if (!kept) writeFileSync(file, '');
    // Append mode: after `clear()` truncates, the next line goes to the start, not the old offset.
    return new CallJournal(file, openSync(file, 'a'), !kept);
  }

  /** Appends model-call events (other events are ignored); they reach the OS before this returns. */
  append(events: readonly NewTraceEvent[]): void {
    if (this.fd === undefined) return;
    let text = '';
    for (const e of events) {
      if (e.type !== 'model-call') continue;
      const { parents: _parents, ...call } = e as NewTraceEvent & { parents?: unknown };
      text += `${JSON.stringify(call)}\n`;
    }
    if (!text) return;
    writeSync(this.fd, text);
    this.empty = false;
  }

  /** Forgets every call (they are all in the trace now). */
  clear(): void {
    if (this.fd === undefined || this.empty) return;
    ftruncateSync(this.fd, 0);
    this.empty = true;
  }

  /** Closes the file; `remove` also deletes it (the run ended, so nothing waits). */
  close(remove = false): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    if (remove) rmSync(this.file, { force: true });
  }
}

/**
 * The calls a crashed run journaled that its trace (from `afterCheckpoint` on) does not hold, oldest
 * first. A torn last line (the kill came mid-write) is skipped; a missing journal gives none.
 */
export function readCallJournal(traceFile: string, inTrace: readonly ModelCallEvent[]): JournaledCall[] {
  const file = callJournalFile(traceFile);
  if (!existsSync(file)) return [];
  const counts = new Map<string, number>();
  for (const e of inTrace) {
    const key = callKey(e);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const calls: JournaledCall[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let call: JournaledCall;
    try {
      call = JSON.parse(line) as JournaledCall;
    } catch {
      continue; // the torn last line of a killed writer
    }
    if (call?.type !== 'model-call') continue;
    const key = callKey(call);
    const seen = counts.get(key) ?? 0;
    if (seen > 0) counts.set(key, seen - 1);
    else calls.push(call);
  }
  return calls;
}

/** Identity of a call, whether read from the trace or the journal. */
function callKey(e: JournaledCall | ModelCallEvent): string {
  const { seq: _seq, parents: _parents, ...rest } = e as ModelCallEvent;
  return canonicalJson(rest);
}
