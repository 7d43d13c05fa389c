// Which event fields are written as deltas (schema v2), and against what: each payload belongs to a stream
// (one agent's observations, one agent's requests for one purpose, the checkpoints, the phases) and is
// written relative to the previous payload of that stream, named by its `seq`:
//   "observation": {"$d": 1234, "v": <delta>}   ("v" absent: equal to the base)
// A payload with no base, or whose delta would not be shorter, is written as a literal.
import { decodeDelta, decodeLiteral } from './payload-decode.js';
import {
  encodeDelta,
  encodeLiteral,
  SAME,
  type Intern,
  type JsonValue,
  type TextLookup,
} from './payload-delta.js';

export interface PayloadSlot {
  /** The stream: `o`, `c`, `k` or `p` and the agent (and purpose) it belongs to. */
  key: string;
  field: 'observation' | 'request' | 'state' | 'phase';
}

export interface StreamEntry {
  /** `seq` of the stream's last event. */
  seq: number;
  /** Its payload, decoded (shared with what readers returned; never mutated). */
  value: JsonValue;
}

export type Streams = Map<string, StreamEntry>;

export function payloadSlot(event: { type?: unknown; agent?: unknown; call?: unknown }): PayloadSlot | undefined {
  switch (event.type) {
    case 'observation':
      return { key: `o\u0000${String(event.agent)}`, field: 'observation' };
    case 'model-call': {
      const purpose = (event.call as { purpose?: string } | undefined)?.purpose ?? '';
      return { key: `c\u0000${String(event.agent)}\u0000${purpose}`, field: 'request' };
    }
    case 'checkpoint':
      return { key: 'k', field: 'state' };
    case 'phase-start':
      return { key: 'p', field: 'phase' };
    default:
      return undefined;
  }
}

/** How the writer stores one payload: the encoded form and the texts it interns. */
export interface EncodedPayload {
  encoded: unknown;
  /** Texts the encoded form refers to, by hash (the writer emits those it has not written yet). */
  texts: Map<string, string>;
  /** The stream's new entry, once the event has its `seq`. */
  value: JsonValue;
}

/**
 * Encodes `payload` against the stream's previous entry. The choice between delta and literal depends
 * only on the two values, so a resumed writer (which rebuilds the streams from the file) writes the
 * same bytes as one that never stopped.
 */
export function encodePayload(entry: StreamEntry | undefined, payload: unknown, hash: (text: string) => string): EncodedPayload {
  const read = payload !== null && typeof payload === 'object' ? readFrom.get(payload) : undefined;
  if (read) {
    // A payload read from a trace (a rerun writes the recorded calls again): its encoded form is reused
    // when it applies here as it did there. A literal always does; a delta when this stream's value is
    // the very object the reader applied it to (identity, so nothing is compared).
    const { $d, v } = read.encoded as { $d?: unknown; v?: unknown };
    if ($d === undefined) return { encoded: read.encoded, texts: new Map(), value: payload as JsonValue };
    if (entry && entry.value === read.base) return { encoded: v === undefined ? { $d: entry.seq } : { $d: entry.seq, v }, texts: new Map(), value: payload as JsonValue };
  }
  const encoded = encodeFresh(entry, payload, hash);
  // Equal as JSON to what was encoded, and the reader's own object: the next read payload can match it.
  return read ? { ...encoded, value: payload as JsonValue } : encoded;
}

/** How a reader decoded a payload: the encoded form (without `$text` references) and the base it applied to. */
const readFrom = new WeakMap<object, { encoded: unknown; base: JsonValue | undefined }>();

/**
 * Decodes like `decodePayload` and remembers how, so a writer given the decoded object writes the same
 * encoded form without encoding it again. Only for readers that keep what they read (a rerun's recorded
 * calls): the remembered base keeps the stream's earlier values alive.
 */
export function decodePayloadRemembered(entry: StreamEntry | undefined, encoded: unknown, texts: TextLookup): JsonValue {
  const value = decodePayload(entry, encoded, texts);
  if (value !== null && typeof value === 'object' && value !== entry?.value && !hasTextRef(encoded)) {
    readFrom.set(value, { encoded, base: entry?.value });
  }
  return value;
}

function hasTextRef(encoded: unknown): boolean {
  if (encoded === null || typeof encoded !== 'object') return false;
  if (Array.isArray(encoded)) return encoded.some(hasTextRef);
  for (const key in encoded as Record<string, unknown>) {
    if (key === '$text' || key === '$v' || hasTextRef((encoded as Record<string, unknown>)[key])) return true;
  }
  return false;
}

function encodeFresh(entry: StreamEntry | undefined, payload: unknown, hash: (text: string) => string): EncodedPayload {
  const texts = new Map<string, string>();
  const intern: Intern = (text) => {
    const h = hash(text);
    texts.set(h, text);
    return h;
  };
  const lookup: TextLookup = (h) => texts.get(h);
  if (entry) {
    const delta = encodeDelta(entry.value, payload, intern);
    if (delta === SAME) return { encoded: { $d: entry.seq }, texts, value: entry.value };
    const wrapped = { $d: entry.seq, v: delta };
    const size = JSON.stringify(wrapped).length;
    if (jsonSizeAtMost(payload, size) > size) {
      return { encoded: wrapped, texts, value: decodeDelta(entry.value, delta, lookup, '', asJson(payload)) };
    }
    texts.clear();
  }
  const literal = encodeLiteral(payload, intern);
  return { encoded: literal, texts, value: decodeDelta(undefined, literal, lookup, '', asJson(payload)) };
}

/** The payload as JSON sees it at the top (its toJSON applied), to line up with what was encoded. */
function asJson(payload: unknown): unknown {
  return payload !== null && typeof payload === 'object' && typeof (payload as { toJSON?: unknown }).toJSON === 'function' ? (payload as { toJSON(): unknown }).toJSON() : payload;
}

/** Decodes a payload read from a v2 file against its stream (throws DeltaError on a bad base). */
export function decodePayload(entry: StreamEntry | undefined, encoded: unknown, texts: TextLookup): JsonValue {
  if (encoded !== null && typeof encoded === 'object' && !Array.isArray(encoded) && '$d' in encoded) {
    const { $d: base, v } = encoded as { $d: unknown; v?: unknown };
    if (!entry || entry.seq !== base) {
      throw new StreamBaseError(base, entry?.seq);
    }
    return v === undefined ? entry.value : decodeDelta(entry.value, v, texts);
  }
  return decodeLiteral(encoded, texts);
}

/** A delta names a base that is not the previous event of its stream. */
export class StreamBaseError extends Error {
  constructor(
    readonly base: unknown,
    readonly expected: number | undefined,
  ) {
    super(
      expected === undefined
        ? `delta refers to seq ${String(base)}, but its stream has no earlier event`
        : `delta refers to seq ${String(base)}, but the previous event of its stream is seq ${expected}`,
    );
  }
}

/**
 * The length JSON.stringify would give `value`, or any number above `limit` once it is clear the
 * length exceeds it (so the cost is bounded by `limit`, not by the value's size).
 */
export function jsonSizeAtMost(value: unknown, limit: number): number {
  let size = 0;
  const walk = (v: unknown): boolean => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(): unknown }).toJSON();
    if (typeof v === 'string') size += v.length + 2;
    else if (typeof v === 'number') size += String(v).length;
    else if (typeof v === 'boolean') size += v ? 4 : 5;
    else if (v === null || v === undefined) size += 4;
    else if (Array.isArray(v)) {
      size += 1 + Math.max(0, v.length - 1) + 1;
      for (const item of v) if (size > limit || !walk(item)) return false;
    } else {
      size += 2;
      let first = true;
      for (const key of Object.keys(v as object)) {
        const item = (v as Record<string, unknown>)[key];
        if (item === undefined || typeof item === 'function') continue;
        size += key.length + 3 + (first ? 0 : 1);
        first = false;
        if (size > limit || !walk(item)) return false;
      }
    }
    return size <= limit;
  };
  walk(value);
  return size;
}
