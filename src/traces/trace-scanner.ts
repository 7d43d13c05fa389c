// The one trace parser behind every reader: fed raw bytes in chunks (from a stream, a sync file
// loop or an in-memory string), it splits lines, parses JSON, resolves `$text` references, validates
// with zod and checks that `seq` is dense. It knows each line's byte end, which resume needs.
import { InputError } from '../core/errors/index.js';
import { TRACE_SCHEMA_VERSION } from '../core/version.js';
import { formatPath } from '../core/zod-issues.js';
import type { z } from 'zod';
import type { TraceEvent, TraceHeader } from './event.js';
import { traceEventSchema, traceHeaderSchema } from './schema.js';
import { BatchError, DECISIONS, DECISIONS_HEAD, expandBatch } from './decision-batch.js';
import { DeltaError } from './payload-delta.js';
import { decodePayload, decodePayloadRemembered, payloadSlot, StreamBaseError, type Streams } from './payload-streams.js';
import { isTextRef, resolveEventRefs, textHash, UnknownTextRef } from './text-refs.js';

/** A last line cut short by a crash: reported, never thrown. */
export interface TornLine {
  /** 1-based line number. */
  line: number;
  /** Length of the torn line in bytes (its newline included, if it has one). */
  bytes: number;
  /** Byte offset where the torn line starts: truncating there repairs the file. */
  offset: number;
}

export interface ScannedLine {
  value: TraceHeader | TraceEvent;
  /** 1-based line number. */
  line: number;
  /** Byte offset just past this line's newline. */
  end: number;
}

const NEWLINE = 0x0a;
/** The head of an event line as the writer writes it: `{"seq":N,"type":"T"`. */
const EVENT_HEAD = /^\{"seq":(\d+),"type":"([a-z-]+)"/;

export class TraceScanner {
  private readonly texts = new Map<string, string>();
  private pending: Buffer[] = [];
  private offset = 0;
  private lineNo = 0;
  /** The first blank line seen; fine if only blank lines follow it. */
  private blankLine: number | undefined;
  private nextSeq = 0;
  private sawHeader = false;
  /** The header's schema version: from 2 on, payloads are deltas against their stream. */
  private schemaVersion = 1;
  /** Schema 2: the last payload of each stream, which the next delta of that stream applies to. */
  private readonly streams: Streams = new Map();
  /** A terminated line that did not parse: torn if it is the last one, corruption otherwise. */
  private unparsed: { error: InputError; line: number; start: number; bytes: number } | undefined;

  /**
   * With `types`, events of other types (and not `text`, which later payloads refer to) are skipped
   * unparsed: their seq is checked from the line's head, their payload streams are never read again
   * (each type has its own streams), and they are not returned. A rerun reads only the model calls.
   */
  constructor(
    readonly file: string,
    private readonly types?: ReadonlySet<string>,
    /** Remember how each payload was encoded, for a writer that writes it again (payload-streams.ts). */
    private readonly remember = false,
  ) {}

  /**
   * Feeds the next bytes; returns the complete lines they finish. With `onLine`, each line is handed
   * over as soon as it is scanned (so the scanner's state, e.g. `streamsNow()`, is that line's) and
   * nothing is returned.
   */
  push(chunk: Buffer, onLine?: (line: ScannedLine) => void): ScannedLine[] {
    const out: ScannedLine[] = [];
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, from);
      if (nl < 0) break;
      let bytes: Buffer;
      if (this.pending.length > 0) {
        this.pending.push(chunk.subarray(from, nl));
        bytes = Buffer.concat(this.pending);
        this.pending = [];
      } else {
        bytes = chunk.subarray(from, nl);
      }
      const start = this.offset;
      this.offset += bytes.length + 1;
      this.lineNo += 1;
      this.lineDone(bytes.toString('utf8'), start, onLine ?? ((scanned) => out.push(scanned)));
      from = nl + 1;
    }
    if (from < chunk.length) {
      this.pending.push(chunk.subarray(from));
    }
    return out;
  }

  /** Call at end of input. Returns the torn last line, if any. */
  finish(): { torn?: TornLine } {
    const rest = this.pending.reduce((n, b) => n + b.length, 0);
    if (rest > 0) {
      if (this.unparsed) throw this.unparsed.error;
      const torn = { line: this.lineNo + 1, bytes: rest, offset: this.offset };
      if (!this.sawHeader) throw this.error(torn.line, 'the header line is incomplete (torn write)');
      return { torn };
    }
    if (this.unparsed) {
      const u = this.unparsed;
      if (u.line === 1) throw u.error;
      return { torn: { line: u.line, bytes: u.bytes, offset: u.start } };
    }
    if (!this.sawHeader) throw this.error(1, 'empty trace: expected a header line');
    return {};
  }

  /** Scans one line and hands over what it holds: one event, or (schema 3) a line of decisions' events. */
  private lineDone(input: string, start: number, emit: (line: ScannedLine) => void): void {
    const line = this.lineNo;
    if (this.unparsed) throw this.unparsed.error;
    // An editor may add a UTF-8 byte order mark to the first line, or blank lines at the end: both are
    // accepted. A blank line with events after it is still an error (it names that line).
    const text = line === 1 && input.startsWith('\uFEFF') ? input.slice(1) : input;
    if (text.trim().length === 0) {
      this.blankLine ??= line;
      return;
    }
    if (this.blankLine !== undefined) throw this.error(this.blankLine, 'empty line');
    if (this.types && this.sawHeader) {
      // The writer puts seq and type first; a line of another shape is parsed and checked in full.
      // A decisions line stands for observations and actions, counted from its head (`n`).
      const head = EVENT_HEAD.exec(text);
      const batch = head?.[2] === DECISIONS ? DECISIONS_HEAD.exec(text) : null;
      const skip = head?.[2] === DECISIONS ? batch !== null && !this.types.has('observation') && !this.types.has('action') : head !== null && head[2] !== 'text' && !this.types.has(head[2]!);
      if (skip) {
        if (Number(head![1]) !== this.nextSeq) throw this.error(line, `expected seq ${this.nextSeq}, found ${head![1]}`, 'events.seq');
        this.nextSeq += batch ? Number(batch[2]) : 1;
        return;
      }
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      const error = this.error(line, `invalid JSON: ${(cause as Error).message}`);
      this.unparsed = { error, line, start, bytes: this.offset - start };
      return;
    }
    if (!this.sawHeader) return emit({ value: this.header(raw, line), line, end: this.offset });
    if (this.schemaVersion >= 3 && (raw as { type?: unknown } | null)?.type === DECISIONS) {
      let records: Array<Record<string, unknown>>;
      try {
        records = expandBatch(raw as Record<string, unknown>);
      } catch (e) {
        if (e instanceof BatchError) throw this.error(line, e.message, e.field ? `events.${e.field}` : 'events');
        throw e;
      }
      for (const record of records) {
        if (this.types && !this.types.has(record.type as string)) {
          if (record.seq !== this.nextSeq) throw this.error(line, `expected seq ${this.nextSeq}, found ${String(record.seq)}`, 'events.seq');
          this.nextSeq += 1;
        } else emit({ value: this.event(record, line), line, end: this.offset });
      }
      return;
    }
    emit({ value: this.event(raw, line), line, end: this.offset });
  }

  private header(raw: unknown, line: number): TraceHeader {
    const parsed = traceHeaderSchema.safeParse(raw);
    if (!parsed.success) throw this.zodError(parsed.error, line, 'header');
    const header = raw as TraceHeader;
    if (header.schemaVersion > TRACE_SCHEMA_VERSION) {
      throw this.error(
        line,
        `trace schema version ${header.schemaVersion} is newer than this Polis reads (${TRACE_SCHEMA_VERSION})`,
        'header.schemaVersion',
      );
    }
    this.sawHeader = true;
    this.schemaVersion = header.schemaVersion;
    return header;
  }

  /** A copy of the payload streams as of the last line scanned (a continuing writer starts from it). */
  streamsNow(): Streams {
    return new Map(this.streams);
  }

  private event(raw: unknown, line: number): TraceEvent {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw this.error(line, 'expected an event object');
    }
    const record = raw as Record<string, unknown>;
    const slot = this.schemaVersion >= 2 ? payloadSlot(record) : undefined;
    try {
      if (this.schemaVersion < 2) resolveEventRefs(record, this.texts);
      else this.decode(record, slot);
    } catch (e) {
      if (e instanceof UnknownTextRef) {
        throw this.error(line, `unknown $text reference ${e.hash}`, `events.${e.path}`);
      }
      if (e instanceof DeltaError) throw this.error(line, e.message, `events.${slot!.field}${e.path ? `.${e.path}` : ''}`);
      if (e instanceof StreamBaseError) throw this.error(line, e.message, `events.${slot!.field}.$d`);
      throw e;
    }
    const parsed = traceEventSchema.safeParse(raw);
    if (!parsed.success) throw this.zodError(parsed.error, line, 'events');
    const event = raw as TraceEvent;
    if (event.seq !== this.nextSeq) {
      throw this.error(line, `expected seq ${this.nextSeq}, found ${event.seq}`, 'events.seq');
    }
    this.nextSeq += 1;
    if (slot) this.streams.set(slot.key, { seq: event.seq, value: record[slot.field] as never });
    if (event.type === 'text') {
      if (textHash(event.text) !== event.hash) {
        throw this.error(line, 'text does not match its sha256 hash', 'events.hash');
      }
      this.texts.set(event.hash, event.text);
    }
    return event;
  }

  /** Schema 2: the payload from its stream, and a long response text from its `text` event. */
  private decode(record: Record<string, unknown>, slot: ReturnType<typeof payloadSlot>): void {
    const lookup = (hash: string): string | undefined => this.texts.get(hash);
    if (slot && slot.field in record) {
      record[slot.field] = (this.remember ? decodePayloadRemembered : decodePayload)(this.streams.get(slot.key), record[slot.field], lookup);
    }
    const response = record.type === 'model-call' ? (record.response as { text?: unknown } | undefined) : undefined;
    if (response && isTextRef(response.text)) {
      const text = lookup(response.text.$text);
      if (text === undefined) throw new UnknownTextRef(response.text.$text, 'response.text');
      response.text = text;
    }
  }

  private zodError(error: z.ZodError, line: number, prefix: string): InputError {
    const issue = error.issues[0]!;
    return this.error(line, issue.message.replace(/^Invalid input: /, ''), formatPath(issue.path, prefix));
  }

  private error(line: number, message: string, field?: string): InputError {
    return new InputError(message, field === undefined ? { file: this.file, line } : { file: this.file, line, field });
  }
}
