// Events of a concurrent phase wait in their seat's buffer until every seat before theirs has decided, so
// the trace is written in seat order whichever model answered first. A model call already answered is paid
// for: while it waits, it is journaled (at the end of the event-loop turn it arrived in, unless its seat was
// written first), so a crash before its seat is written loses nothing a resume would pay for again.
import type { AgentId } from '../games/game.js';
import type { NewTraceEvent } from '../traces/event.js';
import type { CallJournal } from './trace-sink.js';

export class SeatBuffers {
  /** The open phase's seats and what each has buffered; undefined between phases. */
  private seats: Map<AgentId, NewTraceEvent[]> | undefined;
  /** Buffered calls neither in the trace nor in the journal yet. */
  private readonly unjournaled = new Set<NewTraceEvent>();
  private journalScheduled = false;

  constructor(
    private readonly write: (event: NewTraceEvent) => number,
    private readonly journal?: CallJournal,
  ) {}

  /** A phase starts: `ids` are its seats. */
  open(ids: readonly AgentId[]): void {
    this.seats = new Map(ids.map((id) => [id, []]));
  }

  /** The phase ended with every seat taken. */
  close(): void {
    this.seats = undefined;
  }

  /**
   * Buffers an event of `agent` when it holds a seat of the open phase; `paid` (a model call) is journaled
   * while it waits. False when there is no such seat: the caller writes the event now.
   */
  hold(agent: AgentId, event: NewTraceEvent, paid: boolean): boolean {
    const buffer = this.seats?.get(agent);
    if (!buffer) return false;
    buffer.push(event);
    if (paid && this.journal) {
      this.unjournaled.add(event);
      if (!this.journalScheduled) {
        this.journalScheduled = true;
        setImmediate(() => this.journalWaiting());
      }
    }
    return true;
  }

  /** The seat's buffered events, in the order they arrived; the seat is done buffering. */
  take(agent: AgentId): NewTraceEvent[] {
    const events = this.seats?.get(agent) ?? [];
    this.seats?.delete(agent);
    for (const e of events) this.unjournaled.delete(e);
    return events;
  }

  /** The phase failed: every buffered event is written as it is, so nothing recorded is lost. */
  writeAll(): void {
    if (this.seats) for (const id of [...this.seats.keys()]) for (const e of this.take(id)) this.write(e);
    this.seats = undefined;
  }

  private journalWaiting(): void {
    this.journalScheduled = false;
    if (!this.unjournaled.size) return;
    this.journal!.append([...this.unjournaled]);
    this.unjournaled.clear();
  }
}
