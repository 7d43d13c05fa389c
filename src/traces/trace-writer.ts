// Streams a trace to disk as JSONL. Each `append` hands its line(s) to the OS with a synchronous
// write before it returns, so a killed process loses at most the line being written; the one exception
// is schema 3's scripted decisions (decision-batch.ts), gathered into one line that is written when the
// next other event arrives (they cost nothing to make again, and resume restarts the phase anyway). Long texts are
// interned (see text-refs.ts). Keys are written in a fixed order, so identical inputs give identical bytes.
import { closeSync, fsyncSync, openSync, truncateSync, writeSync } from 'node:fs';
import { InputError } from '../core/errors/index.js';
import { formatPath } from '../core/zod-issues.js';
import type { NewTraceEvent, TraceHeader, TextEvent } from './event.js';
import { nonFinitePath } from './non-finite-path.js';
import { traceEventSchema, traceHeaderSchema } from './schema.js';
import { DecisionGatherer } from './decision-batch.js';
import { encodePayload, payloadSlot, type Streams } from './payload-streams.js';
import { INTERN_MIN_LENGTH, internEvent, textHash } from './text-refs.js';
import { scanTraceFileSync } from './trace-reader.js';

export interface TraceWriterOptions {
  /**
   * How `append` checks an event before writing it, so that a bad event fails there instead of
   * making the file unreadable. `finite`: every number is finite (JSON would turn NaN or Infinity
   * into null); `full`: the whole zod schema (about 3x slower to write, see bench/results/trace-write.md);
   * `off`: no check (the types are trusted).
   * @default 'finite'
   */
  validate?: 'finite' | 'full' | 'off';
  /**
   * Batched mode: keep up to this many characters of lines in memory and write them together.
   * Unflushed lines are lost on a crash; call `flush()` at points that must survive one.
   * 0 writes every event before `append` returns.
   * @default 0
   */
  bufferBytes?: number;
  /**
   * Schema 3: write a phase's scripted decisions (observation and action, no model call) as one
   * `decisions` line. Off, every event gets its own line (readers return the same events either way).
   * @default true
   */
  batchDecisions?: boolean;
}

export interface CreateTraceOptions extends TraceWriterOptions {
  /** Replace an existing file instead of refusing to. @default false */
  overwrite?: boolean;
}

export interface OpenForAppendOptions extends TraceWriterOptions {
  /**
   * Keep the events up to and including this `seq` and cut the rest off before appending;
   * -1 keeps only the header. Without it, only a torn last line is cut off.
   */
  truncateAfterSeq?: number;
}

type EncodedPayloadValue = ReturnType<typeof encodePayload>['value'];

const BASE_KEYS = new Set(['seq', 'type', 'time', 'agent', 'parents', 'wall']);

export class TraceWriter {
  private fd: number | undefined;
  private seq: number;
  private readonly interned: Set<string>;
  private readonly validate: 'finite' | 'full' | 'off';
  private readonly bufferLimit: number;
  private buffer = '';
  /** Schema 3: the scripted decisions waiting to be written as one line (undefined: each event its own line). */
  private readonly decisions: DecisionGatherer | undefined;

  private constructor(
    readonly file: string,
    fd: number,
    nextSeq: number,
    interned: Set<string>,
    options: TraceWriterOptions,
    /** The file's schema version: from 2 on, payloads are written as deltas (payload-streams.ts). */
    private readonly schemaVersion: number,
    /** Per payload stream, the last payload written (schema 2). */
    private readonly streams: Streams = new Map(),
    lastPhase = -1,
  ) {
    if (schemaVersion >= 3 && options.batchDecisions !== false) this.decisions = new DecisionGatherer(lastPhase);
    this.fd = fd;
    this.seq = nextSeq;
    this.interned = interned;
    this.validate = options.validate ?? 'finite';
    this.bufferLimit = options.bufferBytes ?? 0;
  }

  /** Starts a new trace file and writes its header line. */
  static create(file: string, header: TraceHeader, options: CreateTraceOptions = {}): TraceWriter {
    const parsed = traceHeaderSchema.safeParse(header);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(`invalid trace header: ${issue.message}`, {
        file,
        field: formatPath(issue.path, 'header'),
      });
    }
    let fd: number;
    try {
      fd = openSync(file, options.overwrite ? 'w' : 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new InputError('trace file already exists (pass { overwrite: true } to replace it)', { file });
      }
      throw e;
    }
    const writer = new TraceWriter(file, fd, 0, new Set(), options, header.schemaVersion);
    writer.write(`${JSON.stringify(orderedHeader(header))}\n`, true);
    return writer;
  }

  /**
   * Reopens an existing trace to continue it: the next `seq` follows the last kept event and the
   * interned texts are rebuilt from the kept `text` events. A torn last line is cut off.
   */
  static openForAppend(file: string, options: OpenForAppendOptions = {}): TraceWriter {
    const keepTo = options.truncateAfterSeq;
    let lastSeq = -1;
    let headerEnd = 0;
    let cut: number | undefined;
    let schemaVersion = 1;
    let streams: Streams = new Map();
    let lastPhase = -1;
    const texts: Array<{ seq: number; hash: string }> = [];
    const { torn } = scanTraceFileSync(file, ({ value, end }, scanner) => {
      if (value.type === 'header') {
        headerEnd = end;
        schemaVersion = value.schemaVersion;
        return;
      }
      lastSeq = value.seq;
      if (value.type === 'text') texts.push({ seq: value.seq, hash: value.hash });
      if (value.type === 'phase-start' && (keepTo === undefined || value.seq <= keepTo)) lastPhase = value.seq;
      if (cut !== undefined && end === cut && value.seq > keepTo!) {
        throw new InputError(`cannot truncate after seq ${keepTo}: it is inside a line of decisions that runs on to seq ${value.seq}`, { file });
      }
      if (value.seq === keepTo) {
        cut = end;
        streams = scanner.streamsNow();
      }
    }, (scanner) => {
      if (keepTo === undefined) streams = scanner.streamsNow();
    });
    if (keepTo !== undefined) {
      if (!Number.isInteger(keepTo) || keepTo < -1 || keepTo > lastSeq) {
        throw new InputError(`cannot truncate after seq ${keepTo}: the trace's events run from 0 to ${lastSeq}`, {
          file,
        });
      }
      if (keepTo === -1) cut = headerEnd;
      lastSeq = keepTo;
    } else if (torn) {
      cut = torn.offset;
    }
    if (cut !== undefined) truncateSync(file, cut);
    const interned = new Set(texts.filter((t) => t.seq <= lastSeq).map((t) => t.hash));
    return new TraceWriter(file, openSync(file, 'a'), lastSeq + 1, interned, options, schemaVersion, streams, lastPhase);
  }

  /** The `seq` the next event will get. */
  get nextSeq(): number {
    return this.seq;
  }

  /**
   * Appends one event (after the `text` events its long strings need) and returns its `seq`.
   * Unbuffered, the line has reached the OS when this returns.
   */
  append(event: NewTraceEvent): number {
    if (this.fd === undefined) throw new Error(`trace writer for ${this.file} is closed`);
    // Schema 2 checks the encoded event (what a round adds), not everything its payloads repeat.
    const encoded = this.schemaVersion >= 2 ? this.encode(event) : undefined;
    if (this.validate === 'full' || (this.validate === 'finite' && (!encoded || nonFinitePath(encoded.event, 'events') !== undefined))) {
      this.check(event);
    }
    if (this.decisions && encoded && this.gather(this.decisions, event, encoded)) return this.seq - 1;
    let lines = this.decisions?.take() ?? '';
    if (event.type === 'text') {
      if (textHash(event.text) !== event.hash) {
        throw new InputError('text event hash is not the sha256 of its text', { file: this.file, field: 'hash' });
      }
      this.interned.add(event.hash);
    }
    const emitText = (hash: string, text: string): void => {
      if (this.interned.has(hash)) return;
      this.interned.add(hash);
      const textEvent: TextEvent = { seq: this.seq++, type: 'text', time: event.time, hash, text };
      lines += `${JSON.stringify(textEvent)}\n`;
    };
    let toWrite: NewTraceEvent;
    let stream: { key: string; value: EncodedPayloadValue } | undefined;
    if (encoded) {
      for (const [hash, text] of encoded.texts) emitText(hash, text);
      ({ event: toWrite, stream } = encoded);
    } else {
      toWrite = internEvent(event, (text) => {
        const hash = textHash(text);
        emitText(hash, text);
        return hash;
      });
    }
    const seq = this.seq++;
    if (stream) this.streams.set(stream.key, { seq, value: stream.value });
    if (event.type === 'phase-start') this.decisions?.phaseStarted(seq);
    lines += `${JSON.stringify(ordered(toWrite, seq))}\n`;
    this.write(lines, false);
    return seq;
  }

  /** Schema 3: whether the gatherer took `event` (a scripted decision) as the next seq. */
  private gather(decisions: DecisionGatherer, event: NewTraceEvent, encoded: ReturnType<TraceWriter['encode']>): boolean {
    for (const hash of encoded.texts.keys()) if (!this.interned.has(hash)) return false;
    const observation = event.type === 'observation' ? (encoded.event as { observation: unknown }).observation : undefined;
    if (!decisions.offer(event as unknown as Record<string, unknown>, observation, this.seq)) return false;
    const seq = this.seq++;
    if (encoded.stream) this.streams.set(encoded.stream.key, { seq, value: encoded.stream.value });
    if (decisions.full) this.write(decisions.take(), false);
    return true;
  }

  /** Schema 2: the event's payload as a delta against its stream, and the long response text interned. */
  private encode(event: NewTraceEvent): { event: NewTraceEvent; stream?: { key: string; value: EncodedPayloadValue }; texts: Map<string, string> } {
    let out = event as unknown as Record<string, unknown>;
    let stream: { key: string; value: EncodedPayloadValue } | undefined;
    let texts = new Map<string, string>();
    const slot = payloadSlot(out);
    if (slot) {
      const payload = encodePayload(this.streams.get(slot.key), out[slot.field], textHash);
      texts = payload.texts;
      out = { ...out, [slot.field]: payload.encoded };
      stream = { key: slot.key, value: payload.value };
    }
    if (out.type === 'model-call') {
      const response = out.response as { text?: unknown } | undefined;
      if (typeof response?.text === 'string' && response.text.length >= INTERN_MIN_LENGTH) {
        const hash = textHash(response.text);
        texts.set(hash, response.text);
        out = { ...out, response: { ...response, text: { $text: hash } } };
      }
    }
    const result = { event: out as unknown as NewTraceEvent, texts };
    return stream ? { ...result, stream } : result;
  }

  /** Writes buffered lines to the OS (a no-op when unbuffered). */
  flush(): void {
    if (this.fd === undefined) return;
    const gathered = this.decisions?.take();
    if (gathered) this.buffer += gathered;
    if (this.buffer.length === 0) return;
    const data = this.buffer;
    this.buffer = '';
    writeAll(this.fd, data);
  }

  /** Flushes, syncs to disk and closes the file. Safe to call twice. */
  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
  }

  private write(data: string, now: boolean): void {
    if (this.bufferLimit > 0 && !now) {
      this.buffer += data;
      if (this.buffer.length >= this.bufferLimit) this.flush();
      return;
    }
    writeAll(this.fd!, data);
  }

  private check(event: NewTraceEvent): void {
    if (this.validate === 'finite') {
      const field = nonFinitePath(event, 'events');
      if (field === undefined) return;
      throw new InputError(`invalid ${event.type} event: expected a finite number`, { file: this.file, field });
    }
    const parsed = traceEventSchema.safeParse({ ...event, seq: this.seq });
    if (parsed.success) return;
    const issue = parsed.error.issues[0]!;
    throw new InputError(`invalid ${event.type} event: ${issue.message.replace(/^Invalid input: /, '')}`, {
      file: this.file,
      field: formatPath(issue.path, 'events'),
    });
  }
}

function writeAll(fd: number, data: string): void {
  const written = writeSync(fd, data);
  // A regular file takes the whole write; fall back to a byte loop if the OS ever says otherwise.
  if (written === Buffer.byteLength(data, 'utf8')) return;
  const bytes = Buffer.from(data, 'utf8');
  let off = written;
  while (off < bytes.length) off += writeSync(fd, bytes, off);
}

function ordered(event: object, seq: number): Record<string, unknown> {
  const e = event as Record<string, unknown>;
  const out: Record<string, unknown> = { seq, type: e.type, time: e.time };
  if (e.agent !== undefined) out.agent = e.agent;
  if (e.parents !== undefined) out.parents = e.parents;
  if (e.wall !== undefined) out.wall = e.wall;
  for (const key of Object.keys(e)) if (!BASE_KEYS.has(key)) out[key] = e[key];
  return out;
}

const HEADER_KEYS = ['type', 'schemaVersion', 'runId', 'createdAt', 'sdk', 'packages', 'seeds', 'models', 'prompts', 'parent', 'config'];

function orderedHeader(header: TraceHeader): Record<string, unknown> {
  const h = header as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of HEADER_KEYS) if (h[key] !== undefined) out[key] = h[key];
  for (const key of Object.keys(h)) if (!(key in out)) out[key] = h[key];
  return out;
}
