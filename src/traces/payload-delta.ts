// Payload deltas (trace schema v2). A payload (an observation, a prompt, a checkpoint's state, a phase) is
// written relative to the previous payload of the same stream, so a round costs what changed in it, not
// everything seen so far. The operations are few and shaped after how runs grow: arrays that gain items
// at the end (histories, memories; a window drops items at the front), strings that gain text in the
// middle (a prompt's history section), objects of which a few fields change, arrays of which a few items change.
//
// Encoded forms (a literal object never has a key starting with `$`: such objects are escaped with `$v`):
//   {"$o": {key: enc, ...}, "$x": [deleted keys]}  object: changed keys only, in the new key order after base's
//   {"$a": [from, to, [items]]}                      array: base.slice(from, to) followed by literal items
//   {"$e": {"index": enc, ...}}                       array of the same length: changed items only
//   {"$s": [prefix, suffix, "text"]}                 string: base's first `prefix` and last `suffix` UTF-16 units around text
//   {"$l": [prefix, suffix, [[from, count] | "lines", ...]]}  string changed in several places (a prompt whose
//        memory and history sections both grew): between the shared prefix and suffix, runs of base's
//        lines (by index, counted from the prefix) and new lines
//   {"$text": sha256}                                 a long literal string stored once as a `text` event
//   {"$v": raw}                                       a literal object taken as is (its keys start with `$`)
// Measured alternative: jsondiffpatch 0.7 took 7.7 s for 1,000 checkpoint-like diffs with 2,000-item
// arrays (this encoder: milliseconds), so the operations here are the trace's own.
import { INTERN_MIN_LENGTH } from './text-refs.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Returned by `encodeDelta` when the value equals its base. */
export const SAME: unique symbol = Symbol('same');

/** Records a long literal string and returns its hash. */
export type Intern = (text: string) => string;

/** Looks up an interned text; undefined when unknown. */
export type TextLookup = (hash: string) => string | undefined;

/** Below this many shared characters a string is written whole rather than as a splice. */
const MIN_SPLICE_SHARED = 24;
/** A splice inserting more than this tries a line delta (several changed places) first. */
const LINE_DELTA_FROM = 256;
/** How far ahead in base a line delta looks for the next line. */
const LINE_LOOKAHEAD = 32;
/** How many items a window may have dropped at the front for the array to be written as a slice. */
const MAX_FRONT_DROP = 16;

/** A malformed delta: `path` is relative to the payload. */
export class DeltaError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/** @internal shared with payload-decode.ts */
export function jsonOf(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(): unknown }).toJSON();
  }
  return value;
}

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** @internal shared with payload-decode.ts */
export function hasDollarKey(obj: object): boolean {
  for (const key in obj) if (key.charCodeAt(0) === 36) return true;
  return false;
}

/** The value as JSON would write it, with long strings interned and `$`-keyed objects escaped. */
export function encodeLiteral(value: unknown, intern: Intern): unknown {
  value = jsonOf(value);
  if (typeof value === 'string') return value.length >= INTERN_MIN_LENGTH ? { $text: intern(value) } : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => (skipped(v) ? null : encodeLiteral(v, intern)));
  if (hasDollarKey(value)) return { $v: JSON.parse(JSON.stringify(value)) as unknown };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (!skipped(v)) out[key] = encodeLiteral(v, intern);
  }
  return out;
}

/**
 * Frozen values already found equal to a base object: a frozen record (a matrix round, a memory item)
 * cannot change, so the next comparison with the same base object is a lookup, not a walk. Keeps a
 * long history's comparison per round to one pass of lookups.
 */
const provenEqual = new WeakMap<object, JsonValue[]>();
/** A value shared by several streams (two observers and the checkpoint) is proven against each one's base. */
const MAX_PROVEN_BASES = 4;

/** Deep equality of a decoded base and a value about to be written (as JSON would see it). */
export function equalsJson(base: JsonValue | undefined, value: unknown): boolean {
  if (base === value) return true;
  if (base === null || value === null || typeof base !== 'object' || typeof value !== 'object') return false;
  const frozen = Object.isFrozen(value);
  if (frozen && provenEqual.get(value)?.includes(base)) return true;
  value = jsonOf(value);
  if (value === null || typeof value !== 'object') return false;
  const equal = walkEquals(base, value);
  if (equal && frozen && !Array.isArray(value) && Object.values(value).every((v) => v === null || typeof v !== 'object')) {
    const bases = provenEqual.get(value);
    if (!bases) provenEqual.set(value, [base]);
    else if (bases.length < MAX_PROVEN_BASES) bases.push(base);
    else bases[bases.length - 1] = base;
  }
  return equal;
}

function walkEquals(base: JsonValue[] | { [key: string]: JsonValue }, value: object): boolean {
  if (Array.isArray(base)) {
    if (!Array.isArray(value) || value.length !== base.length) return false;
    for (let i = 0; i < base.length; i++) {
      const v = value[i];
      if (!equalsJson(base[i], skipped(v) ? null : v)) return false;
    }
    return true;
  }
  if (Array.isArray(value)) return false;
  let n = 0;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (skipped(v)) continue;
    if (!(key in base) || !equalsJson(base[key], v)) return false;
    n++;
  }
  return n === Object.keys(base).length;
}

/** The value relative to `base`, or SAME when they are equal. */
export function encodeDelta(base: JsonValue | undefined, value: unknown, intern: Intern): unknown {
  value = jsonOf(value);
  if (value === null || typeof value !== 'object') {
    if (base === value) return SAME;
    if (typeof value === 'string' && typeof base === 'string') return spliceOf(base, value) ?? encodeLiteral(value, intern);
    return encodeLiteral(value, intern);
  }
  if (Array.isArray(value)) return Array.isArray(base) ? arrayDelta(base, value, intern) : encodeLiteral(value, intern);
  if (base === null || base === undefined || typeof base !== 'object' || Array.isArray(base)) return encodeLiteral(value, intern);
  // An object with `$` keys (a JSON schema's "$schema") is written whole when it changes, as `$v`.
  if (hasDollarKey(value)) return equalsJson(base, value) ? SAME : encodeLiteral(value, intern);
  return objectDelta(base, value as Record<string, unknown>, intern);
}

/** Length of the longest common prefix (native comparisons of halving spans, not a character loop). */
function commonPrefix(a: string, b: string, max: number): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.substring(lo, mid) === b.substring(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function commonSuffix(a: string, b: string, max: number): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.substring(a.length - mid, a.length - lo) === b.substring(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function spliceOf(base: string, value: string): unknown {
  const max = Math.min(base.length, value.length);
  const p = commonPrefix(base, value, max);
  const s = commonSuffix(base, value, max - p);
  if (p + s < MIN_SPLICE_SHARED) return undefined;
  const splice = { $s: [p, s, value.slice(p, value.length - s)] };
  if (value.length - p - s <= LINE_DELTA_FROM) return splice;
  const lines = lineDelta(base, value, p, s);
  return lines && JSON.stringify(lines).length < JSON.stringify(splice).length ? lines : splice;
}

/** Runs of base's lines and new lines between the shared prefix and suffix, cut at line starts. */
function lineDelta(base: string, value: string, p: number, s: number): unknown {
  const prefix = p === 0 ? 0 : base.lastIndexOf('\n', p - 1) + 1;
  let suffix = s;
  // The suffix must start a line in both strings, so the middle parts are whole lines.
  while (suffix > 0 && !(base.charCodeAt(base.length - suffix - 1) === 10 && value.charCodeAt(value.length - suffix - 1) === 10)) suffix--;
  const baseLines = base.slice(prefix, base.length - suffix).split('\n');
  const newLines = value.slice(prefix, value.length - suffix).split('\n');
  // Lines mostly stay in order (sections grow at their ends, a window drops lines at its front), so a
  // two-pointer walk that looks a few lines ahead in base finds the runs without indexing every line.
  const ops: Array<[number, number] | string> = [];
  let added: string[] = [];
  let run: [number, number] | undefined;
  let cursor = 0;
  for (const line of newLines) {
    let at = -1;
    for (let k = cursor; k < Math.min(baseLines.length, cursor + LINE_LOOKAHEAD); k++) {
      if (baseLines[k] === line) {
        at = k;
        break;
      }
    }
    if (at < 0) {
      run = undefined;
      added.push(line);
      continue;
    }
    cursor = at + 1;
    if (run && run[0] + run[1] === at) {
      run[1]++;
      continue;
    }
    if (added.length) ops.push(added.join('\n'));
    added = [];
    run = [at, 1];
    ops.push(run);
  }
  if (added.length) ops.push(added.join('\n'));
  return { $l: [prefix, suffix, ops] };
}

function objectDelta(base: { [key: string]: JsonValue }, value: Record<string, unknown>, intern: Intern): unknown {
  const baseKeys = Object.keys(base);
  const keys = Object.keys(value).filter((k) => !skipped(value[k]));
  // Decoding keeps base's key order and appends new keys, so the new order must be of that shape.
  const kept = new Set(keys);
  const remaining = baseKeys.filter((k) => kept.has(k));
  for (let i = 0; i < remaining.length; i++) if (keys[i] !== remaining[i]) return encodeLiteral(value, intern);
  let changed: Record<string, unknown> | undefined;
  for (const key of keys) {
    const e = key in base ? encodeDelta(base[key], value[key], intern) : encodeLiteral(value[key], intern);
    if (e !== SAME) (changed ??= {})[key] = e;
  }
  const deleted = baseKeys.length === remaining.length ? undefined : baseKeys.filter((k) => !kept.has(k));
  if (!changed && !deleted) return SAME;
  return deleted ? { $o: changed ?? {}, $x: deleted } : { $o: changed };
}

function arrayDelta(base: JsonValue[], value: unknown[], intern: Intern): unknown {
  const item = (v: unknown): unknown => (skipped(v) ? null : v);
  // Items kept from base (possibly after dropping some at the front), then new items at the end.
  for (let drop = 0; drop <= Math.min(base.length - 1, MAX_FRONT_DROP); drop++) {
    const overlap = base.length - drop;
    if (overlap > value.length) continue;
    let i = 0;
    while (i < overlap && equalsJson(base[drop + i], item(value[i]))) i++;
    if (i < overlap) continue;
    if (drop === 0 && overlap === value.length) return SAME;
    return { $a: [drop, base.length, value.slice(overlap).map((v) => encodeLiteral(item(v), intern))] };
  }
  if (value.length === base.length && base.length > 0) {
    let changed: Record<string, unknown> | undefined;
    let count = 0;
    for (let i = 0; i < value.length; i++) {
      const e = encodeDelta(base[i], item(value[i]), intern);
      if (e === SAME) continue;
      (changed ??= {})[i] = e;
      if (++count * 2 > value.length) return encodeLiteral(value, intern);
    }
    return changed ? { $e: changed } : SAME;
  }
  return encodeLiteral(value, intern);
}
