// Where the engine writes events. The file writer in src/traces implements it; tests use `MemorySink`.
import type { NewTraceEvent, TraceEvent } from '../traces/event.js';

export interface TraceSink {
  /** Append one event; returns its `seq`. */
  append(event: NewTraceEvent): number;
}

/** Write-ahead log of answered calls still waiting for their seat's turn (src/traces/call-journal.ts). */
export interface CallJournal {
  /** Append events before this returns (to the OS, so a killed process keeps them). */
  append(events: readonly NewTraceEvent[]): void;
  /** Everything appended so far is in the trace now. */
  clear(): void;
}

/** Keeps events in memory (tests, embedders that do not want files). */
export class MemorySink implements TraceSink {
  readonly events: TraceEvent[] = [];

  constructor(private nextSeq = 0) {}

  append(event: NewTraceEvent): number {
    const seq = this.nextSeq++;
    this.events.push({ ...event, seq } as TraceEvent);
    return seq;
  }
}
