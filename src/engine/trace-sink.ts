// Where the engine writes events. The file writer in src/traces implements it; tests use `MemorySink`.
import type { NewTraceEvent, TraceEvent } from '../traces/event.js';

export interface TraceSink {
  /** Append one event; returns its `seq`. */
  append(event: NewTraceEvent): number;
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
