// Random access to a trace too large to read whole (`polis view` on a 1 GB file): one streaming pass
// indexes the byte offset of every line (8 bytes per event) and the `text` events by hash; `events(from,
// to)` then reads just those lines and resolves their payload deltas by walking back along each
// payload's stream (one line per step, found through the index), with recently resolved payloads cached
// so that paging forward applies one delta per event. `refresh()` indexes what was appended since (a
// running trace). Events come back exactly as the streaming readers return them, validated the same way.
import { createReadStream, closeSync, openSync, readSync, statSync } from 'node:fs';
import { InputError } from '../core/errors/index.js';
import type { TraceEvent, TraceHeader } from './event.js';
import { DeltaError, type JsonValue, type TextLookup } from './payload-delta.js';
import { decodePayload, payloadSlot, StreamBaseError } from './payload-streams.js';
import { traceEventSchema, traceHeaderSchema } from './schema.js';
import { isTextRef, resolveEventRefs, UnknownTextRef } from './text-refs.js';

const CHUNK = 1 << 20;
const NEWLINE = 0x0a;
const TEXT_LINE = /^\{"seq":\d+,"type":"text"/;
/** Resolved payloads kept (by seq) for the next delta of their stream. */
const CACHE_LIMIT = 4096;

export class TracePages {
  /** Start offset of line i (line 0 is the header); `starts[count]` is where the next line starts. */
  private starts = new Float64Array(1024);
  private lines = 0;
  private indexed = 0;
  private readonly textSeq = new Map<string, number>();
  private readonly cache = new Map<number, JsonValue>();
  private schemaVersion = 1;
  private headerValue: TraceHeader | undefined;

  private readonly fd: number;

  private constructor(readonly file: string) {
    try {
      this.fd = openSync(file, 'r');
    } catch (e) {
      throw new InputError(`cannot read trace file (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file }, { cause: e });
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Indexes the whole file (streamed; memory grows by 8 bytes per line). */
  static async open(file: string): Promise<TracePages> {
    const pages = new TracePages(file);
    try {
      await pages.refresh();
      if (pages.lines === 0) throw new InputError('empty trace: expected a header line', { file, line: 1 });
      pages.header();
    } catch (e) {
      pages.close();
      throw e;
    }
    return pages;
  }

  /** Indexes lines appended since the last call; returns the number of events now indexed. */
  async refresh(): Promise<number> {
    let size: number;
    try {
      size = statSync(this.file).size;
    } catch (e) {
      throw new InputError(`cannot read trace file (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: this.file }, { cause: e });
    }
    if (size <= this.indexed) return this.count;
    const stream = createReadStream(this.file, { start: this.indexed, end: size - 1, highWaterMark: CHUNK });
    let offset = this.indexed;
    let lineStart = this.indexed;
    let head: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(NEWLINE, from);
        if (nl < 0) break;
        const firstBytes = head.length > 0 ? Buffer.concat([...head, chunk.subarray(from, Math.min(nl, from + 64))]) : chunk.subarray(from, Math.min(nl, from + 64));
        head = [];
        const end = offset + nl + 1;
        this.lineDone(lineStart, end, firstBytes);
        lineStart = end;
        from = nl + 1;
      }
      if (from < chunk.length && head.reduce((n, b) => n + b.length, 0) < 64) head.push(chunk.subarray(from, from + 64));
      offset += chunk.length;
    }
    this.indexed = lineStart;
    return this.count;
  }

  /** Events indexed (complete lines after the header). */
  get count(): number {
    return Math.max(0, this.lines - 1);
  }

  header(): TraceHeader {
    if (!this.headerValue) {
      const raw = this.parseLine(0);
      const parsed = traceHeaderSchema.safeParse(raw);
      if (!parsed.success) throw new InputError(`invalid header: ${parsed.error.issues[0]!.message}`, { file: this.file, line: 1 });
      this.headerValue = raw as unknown as TraceHeader;
      this.schemaVersion = this.headerValue.schemaVersion;
    }
    return this.headerValue;
  }

  /** Events with `from <= seq < to` (clamped to what is indexed), fully resolved. */
  events(from: number, to: number): TraceEvent[] {
    this.header();
    const out: TraceEvent[] = [];
    for (let seq = Math.max(0, from); seq < Math.min(to, this.count); seq++) out.push(this.event(seq));
    return out;
  }

  private lineDone(start: number, end: number, firstBytes: Buffer): void {
    if (this.lines + 1 >= this.starts.length) {
      const grown = new Float64Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.lines] = start;
    this.starts[this.lines + 1] = end;
    this.lines += 1;
    if (this.lines > 1 && TEXT_LINE.test(firstBytes.toString('latin1'))) {
      const seq = this.lines - 2;
      const text = this.parseLine(seq + 1) as { hash?: unknown };
      if (typeof text.hash === 'string') this.textSeq.set(text.hash, seq);
    }
  }

  private parseLine(line: number): Record<string, unknown> {
    const start = this.starts[line]!;
    const length = this.starts[line + 1]! - start - 1;
    const buf = Buffer.allocUnsafe(length);
    readSync(this.fd, buf, 0, length, start);
    try {
      return JSON.parse(buf.toString('utf8')) as Record<string, unknown>;
    } catch (cause) {
      throw new InputError(`invalid JSON: ${(cause as Error).message}`, { file: this.file, line: line + 1 }, { cause });
    }
  }

  private readonly lookup: TextLookup = (hash) => {
    const seq = this.textSeq.get(hash);
    return seq === undefined ? undefined : (this.parseLine(seq + 1) as { text?: string }).text;
  };

  private event(seq: number): TraceEvent {
    const line = seq + 1;
    const record = this.parseLine(line);
    const slot = this.schemaVersion >= 2 ? payloadSlot(record) : undefined;
    try {
      if (this.schemaVersion < 2) {
        resolveEventRefs(record, { get: (h: string) => this.lookup(h) } as unknown as ReadonlyMap<string, string>);
      } else {
        if (slot && slot.field in record) record[slot.field] = this.payload(seq, record[slot.field]);
        const response = record.type === 'model-call' ? (record.response as { text?: unknown } | undefined) : undefined;
        if (response && isTextRef(response.text)) {
          const text = this.lookup(response.text.$text);
          if (text === undefined) throw new UnknownTextRef(response.text.$text, 'response.text');
          response.text = text;
        }
      }
    } catch (e) {
      if (e instanceof UnknownTextRef) throw new InputError(`unknown $text reference ${e.hash}`, { file: this.file, line, field: `events.${e.path}` });
      if (e instanceof DeltaError || e instanceof StreamBaseError) throw new InputError(e.message, { file: this.file, line, field: `events.${slot?.field ?? ''}` });
      throw e;
    }
    const parsed = traceEventSchema.safeParse(record);
    if (!parsed.success) throw new InputError(parsed.error.issues[0]!.message, { file: this.file, line, field: 'events' });
    if (record.seq !== seq) throw new InputError(`expected seq ${seq}, found ${String(record.seq)}`, { file: this.file, line, field: 'events.seq' });
    return record as unknown as TraceEvent;
  }

  /** A payload resolved against its stream: walk back to a cached or literal payload, then apply deltas forward. */
  private payload(seq: number, encoded: unknown): JsonValue {
    const cached = this.cache.get(seq);
    if (cached !== undefined) return cached;
    const chain: Array<{ seq: number; encoded: unknown }> = [{ seq, encoded }];
    let base: { seq: number; value: JsonValue } | undefined;
    for (;;) {
      const top = chain[chain.length - 1]!.encoded;
      const baseSeq = isDelta(top) ? top.$d : undefined;
      if (baseSeq === undefined) break;
      if (typeof baseSeq !== 'number' || baseSeq < 0 || baseSeq >= seq) throw new StreamBaseError(baseSeq, undefined);
      const hit = this.cache.get(baseSeq);
      if (hit !== undefined) {
        base = { seq: baseSeq, value: hit };
        break;
      }
      const record = this.parseLine(baseSeq + 1);
      const slot = payloadSlot(record);
      if (!slot) throw new StreamBaseError(baseSeq, undefined);
      chain.push({ seq: baseSeq, encoded: record[slot.field] });
    }
    let value: JsonValue | undefined;
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i]!;
      value = decodePayload(base, link.encoded, this.lookup);
      base = { seq: link.seq, value };
      this.remember(link.seq, value);
    }
    return value!;
  }

  private remember(seq: number, value: JsonValue): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(seq, value);
  }
}

function isDelta(encoded: unknown): encoded is { $d: unknown; v?: unknown } {
  return encoded !== null && typeof encoded === 'object' && !Array.isArray(encoded) && '$d' in encoded;
}
