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
import { BatchError, DECISIONS_HEAD, expandBatch } from './decision-batch.js';
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
  /** Lines of decisions (schema 3), each standing for `n` events from seq `first`, in file order. */
  private readonly batches: Array<{ line: number; first: number; n: number }> = [];
  /** Events indexed: one per line, plus `n - 1` per line of decisions. */
  private eventCount = 0;
  /** The last line of decisions expanded (paging reads its events one after another). */
  private expanded: { line: number; records: Array<Record<string, unknown>> } | undefined;
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
    return this.eventCount;
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
    if (this.lines === 1) return;
    const head = firstBytes.toString('latin1');
    const seq = this.eventCount;
    const decisions = DECISIONS_HEAD.exec(head);
    if (decisions) {
      this.batches.push({ line: this.lines - 1, first: seq, n: Number(decisions[2]) });
      this.eventCount += Number(decisions[2]);
      return;
    }
    this.eventCount += 1;
    if (TEXT_LINE.test(head)) {
      const text = this.parseLine(this.lines - 1) as { hash?: unknown };
      if (typeof text.hash === 'string') this.textSeq.set(text.hash, seq);
    }
  }

  /** The line holding event `seq`, and its place in that line's events (0 unless a line of decisions). */
  private locate(seq: number): { line: number; index: number; batch: boolean } {
    // the last line of decisions starting at or before seq
    let lo = 0;
    let hi = this.batches.length - 1;
    let b = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.batches[mid]!.first <= seq) (b = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    if (b < 0) return { line: seq + 1, index: 0, batch: false };
    const batch = this.batches[b]!;
    if (seq < batch.first + batch.n) return { line: batch.line, index: seq - batch.first, batch: true };
    return { line: batch.line + 1 + (seq - batch.first - batch.n), index: 0, batch: false };
  }

  /** Event `seq` as written (payloads still encoded): its own line, or its part of a line of decisions. */
  private rawAt(seq: number): Record<string, unknown> {
    const { line, index, batch } = this.locate(seq);
    if (!batch) return this.parseLine(line);
    if (this.expanded?.line !== line) {
      try {
        this.expanded = { line, records: expandBatch(this.parseLine(line)) };
      } catch (e) {
        if (e instanceof BatchError) throw new InputError(e.message, { file: this.file, line: line + 1, field: e.field ? `events.${e.field}` : 'events' });
        throw e;
      }
    }
    return { ...this.expanded.records[index]! };
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
    return seq === undefined ? undefined : (this.rawAt(seq) as { text?: string }).text;
  };

  private event(seq: number): TraceEvent {
    const line = this.locate(seq).line + 1;
    const record = this.rawAt(seq);
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
      const record = this.rawAt(baseSeq);
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
