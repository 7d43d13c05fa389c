// Any observation as compact prompt lines, linear in what it shows (style item 16): one `name: value`
// line per field, nested objects flattened to dotted names, lists of records as a table with one row
// per item (a history: one line per past round), short lists and grids as one-line JSON. Never indented
// JSON, whose indentation grows with depth.
//
// Values are read as JSON sees them (toJSON, skipped undefined and functions, non-finite numbers as null)
// without copying the observation through JSON: a long history is one frozen record per round, shared
// from round to round, and each frozen record's row is rendered once (a round costs its new rows, not
// the whole history again).
export interface CompactObservationOptions {
  /** Show only the last `recent` rows of each table (the agent's memory horizon); all when undefined. */
  recent?: number;
}

type Rec = Record<string, unknown>;

/** Lines for `observation` (values with `toJSON`, such as a matrix history, are shown as their JSON). */
export function compactObservation(observation: unknown, options: CompactObservationOptions = {}): string {
  const value = asJson(observation ?? null, '');
  const lines: string[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) emit(lines, 'observation', skipped(value) ? null : value, options);
  else for (const [key, v] of entriesOf(value as Rec)) emit(lines, key, v, options);
  return lines.join('\n');
}

/** The value JSON.stringify would write for `v` at `key` (one level: toJSON and boxed primitives). */
function asJson(v: unknown, key: string): unknown {
  if (v !== null && typeof v === 'object') {
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return (v as { toJSON(key: string): unknown }).toJSON(key);
    if (v instanceof Number || v instanceof String || v instanceof Boolean) return v.valueOf();
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** The entries JSON would write, values as JSON sees them. */
function entriesOf(obj: Rec): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const key of Object.keys(obj)) {
    const v = asJson(obj[key], key);
    if (!skipped(v)) out.push([key, v]);
  }
  return out;
}

function isRecord(v: unknown): v is Rec {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function scalar(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? 'null');
}

function emit(lines: string[], name: string, v: unknown, options: CompactObservationOptions): void {
  if (Array.isArray(v) && v.length > 0) {
    const items = v.map((x: unknown, i) => {
      const j = asJson(x, String(i));
      return skipped(j) ? null : j;
    });
    if (items.every(isRecord)) return table(lines, name, items, options);
    lines.push(`${name}: ${scalar(v)}`);
  } else if (isRecord(v)) {
    const entries = entriesOf(v);
    if (entries.length === 0) lines.push(`${name}: {}`);
    else if (entries.every(([, x]) => x === null || typeof x !== 'object')) lines.push(`${name}: ${entries.map(([k, x]) => `${k}=${scalar(x)}`).join(', ')}`);
    else for (const [k, x] of entries) emit(lines, `${name}.${k}`, x, options);
  } else {
    lines.push(`${name}: ${scalar(v)}`);
  }
}

/** A row's columns (its keys as JSON writes them) and its cells in that column order. */
interface Row {
  columns: string[];
  /** `columns` joined, to compare shapes in one string comparison. */
  shape: string;
  values: unknown[];
  cells?: string;
}

/** Rows of frozen records: such a record cannot change, so its row is worked out once. */
const frozenRows = new WeakMap<object, Row>();

function rowOf(record: Rec): Row {
  const frozen = Object.isFrozen(record);
  const known = frozen ? frozenRows.get(record) : undefined;
  if (known) return known;
  const entries = entriesOf(record);
  const columns = entries.map(([k]) => k);
  const row: Row = { columns, shape: columns.join('\u0000'), values: entries.map(([, v]) => v) };
  if (frozen) frozenRows.set(record, row);
  return row;
}

function cellsOf(row: Row, columns: string[], shape: string): string {
  if (row.shape === shape) return (row.cells ??= row.values.map(scalar).join(' | '));
  return columns
    .map((c) => {
      const i = row.columns.indexOf(c);
      return i < 0 ? '' : scalar(row.values[i]);
    })
    .join(' | ');
}

function table(lines: string[], name: string, records: Rec[], options: CompactObservationOptions): void {
  const rows = records.map(rowOf);
  const columns: string[] = [];
  let merged: string | undefined;
  for (const row of rows) {
    if (row.shape === merged) continue;
    for (const key of row.columns) if (!columns.includes(key)) columns.push(key);
    merged = row.shape;
  }
  const shape = columns.join('\u0000');
  const shown = options.recent === undefined || options.recent >= rows.length ? rows : rows.slice(rows.length - options.recent);
  const first = rows.length - shown.length + 1;
  const span = shown.length === rows.length ? `${rows.length} rows` : `rows ${first}-${rows.length} of ${rows.length}`;
  lines.push(`${name} (${span}): # | ${columns.join(' | ')}`);
  shown.forEach((row, i) => lines.push(`${first + i} | ${cellsOf(row, columns, shape)}`));
}
