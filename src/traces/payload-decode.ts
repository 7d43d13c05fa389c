// Decoding payload deltas (trace schema v2): the inverse of payload-delta.ts, whose header lists the
// encoded forms. Every malformed delta is a DeltaError naming its path inside the payload.
import { DeltaError, hasDollarKey, jsonOf, type JsonValue, type TextLookup } from './payload-delta.js';

/** Decodes a literal (no base): resolves `$text` and `$v`; any other operation is an error. */
export function decodeLiteral(encoded: unknown, texts: TextLookup, path = ''): JsonValue {
  return decodeDelta(undefined, encoded, texts, path);
}

/** Whether a frozen record is JSON-exact: a plain object of strings, booleans, nulls and finite numbers. */
const exactRecords = new WeakMap<object, boolean>();

function isExactRecord(v: unknown): v is { [key: string]: JsonValue } {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.isFrozen(v)) return false;
  let exact = exactRecords.get(v);
  if (exact === undefined) {
    const proto = Object.getPrototypeOf(v) as unknown;
    exact = (proto === Object.prototype || proto === null) && !hasDollarKey(v);
    if (exact) {
      for (const key of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[key];
        if (!(x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)))) {
          exact = false;
          break;
        }
      }
    }
    exactRecords.set(v, exact);
  }
  return exact;
}

/** The part of `source` (as JSON sees it) at an array index or object key; undefined when there is none. */
function sourceAt(source: unknown, at: string | number): unknown {
  if (source === null || typeof source !== 'object') return undefined;
  return jsonOf((source as Record<string | number, unknown>)[at]);
}

/**
 * Applies an encoded value to its base. Unchanged parts of base are shared, not copied. The writer passes
 * `source`, the value it just encoded: its frozen, JSON-exact records are kept in the result instead of
 * decoded copies (they are equal as JSON and cannot change), so the next payload of the stream, which
 * shares those records, compares them by identity.
 */
export function decodeDelta(base: JsonValue | undefined, encoded: unknown, texts: TextLookup, path = '', source?: unknown): JsonValue {
  if (encoded === null || typeof encoded !== 'object') return encoded as JsonValue;
  if (source !== undefined && isExactRecord(source)) return source;
  if (Array.isArray(encoded)) return encoded.map((e, i) => decodeDelta(undefined, e, texts, `${path}[${i}]`, sourceAt(source, i)));
  const obj = encoded as Record<string, unknown>;
  let first: string | undefined;
  for (const key in obj) {
    first = key;
    break;
  }
  if (first === undefined || first.charCodeAt(0) !== 36) {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(obj)) out[key] = decodeDelta(undefined, obj[key], texts, path ? `${path}.${key}` : key, sourceAt(source, key));
    return out;
  }
  switch (first) {
    case '$text': {
      const hash = obj.$text;
      const text = typeof hash === 'string' ? texts(hash) : undefined;
      if (text === undefined) throw new DeltaError(`unknown $text reference ${String(hash)}`, path);
      return text;
    }
    case '$v':
      return obj.$v as JsonValue;
    case '$o':
      return decodeObject(base, obj, texts, path, source);
    case '$a': {
      const [from, to, items] = obj.$a as [number, number, unknown[]];
      if (!Array.isArray(base)) throw new DeltaError('array delta without an array base', path);
      const kept = base.slice(from, to);
      for (const item of items) kept.push(decodeDelta(undefined, item, texts, `${path}[${kept.length}]`, sourceAt(source, kept.length)));
      return kept;
    }
    case '$e': {
      if (!Array.isArray(base)) throw new DeltaError('item delta without an array base', path);
      const out = base.slice();
      for (const [index, e] of Object.entries(obj.$e as Record<string, unknown>)) {
        const i = Number(index);
        out[i] = decodeDelta(base[i], e, texts, `${path}[${i}]`, sourceAt(source, i));
      }
      return out;
    }
    case '$l': {
      const [prefix, suffix, ops] = obj.$l as [number, number, Array<[number, number] | string>];
      if (typeof base !== 'string') throw new DeltaError('line delta without a string base', path);
      const baseLines = base.slice(prefix, base.length - suffix).split('\n');
      const out: string[] = [];
      for (const op of ops) {
        if (typeof op === 'string') out.push(op);
        else for (let i = op[0]; i < op[0] + op[1]; i++) out.push(baseLines[i]!);
      }
      return base.slice(0, prefix) + out.join('\n') + base.slice(base.length - suffix);
    }
    case '$s': {
      const [prefix, suffix, text] = obj.$s as [number, number, string];
      if (typeof base !== 'string') throw new DeltaError('string delta without a string base', path);
      return base.slice(0, prefix) + text + base.slice(base.length - suffix);
    }
    default:
      throw new DeltaError(`unknown delta operation ${first}`, path);
  }
}

function decodeObject(base: JsonValue | undefined, obj: Record<string, unknown>, texts: TextLookup, path: string, source: unknown): JsonValue {
  if (base === null || base === undefined || typeof base !== 'object' || Array.isArray(base)) {
    throw new DeltaError('object delta without an object base', path);
  }
  const changed = (obj.$o ?? {}) as Record<string, unknown>;
  const deleted = new Set((obj.$x ?? []) as string[]);
  const out: { [key: string]: JsonValue } = {};
  const at = (key: string): string => (path ? `${path}.${key}` : key);
  for (const key of Object.keys(base)) {
    if (deleted.has(key)) continue;
    out[key] = key in changed ? decodeDelta(base[key], changed[key], texts, at(key), sourceAt(source, key)) : base[key]!;
  }
  for (const key of Object.keys(changed)) if (!(key in base)) out[key] = decodeDelta(undefined, changed[key], texts, at(key), sourceAt(source, key));
  return out;
}
