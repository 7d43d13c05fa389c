// Any observation as compact prompt lines, linear in what it shows (style item 16): one `name: value`
// line per field, nested objects flattened to dotted names, lists of records as a table with one row
// per item (a history: one line per past round), short lists and grids as one-line JSON. Never indented
// JSON, whose indentation grows with depth.
export interface CompactObservationOptions {
  /** Show only the last `recent` rows of each table (the agent's memory horizon); all when undefined. */
  recent?: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Lines for `observation` (values with `toJSON`, such as a matrix history, are shown as their JSON). */
export function compactObservation(observation: unknown, options: CompactObservationOptions = {}): string {
  const value = JSON.parse(JSON.stringify(observation ?? null)) as Json;
  const lines: string[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) emit(lines, 'observation', value, options);
  else for (const [key, v] of Object.entries(value)) emit(lines, key, v, options);
  return lines.join('\n');
}

function isRecord(v: Json): v is { [key: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function scalar(v: Json): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
}

function emit(lines: string[], name: string, v: Json, options: CompactObservationOptions): void {
  if (Array.isArray(v) && v.length > 0 && v.every(isRecord)) {
    table(lines, name, v as Array<{ [key: string]: Json }>, options);
  } else if (isRecord(v)) {
    const entries = Object.entries(v);
    if (entries.length === 0) lines.push(`${name}: {}`);
    else if (entries.every(([, x]) => x === null || typeof x !== 'object')) lines.push(`${name}: ${entries.map(([k, x]) => `${k}=${scalar(x)}`).join(', ')}`);
    else for (const [k, x] of entries) emit(lines, `${name}.${k}`, x, options);
  } else {
    lines.push(`${name}: ${scalar(v)}`);
  }
}

function table(lines: string[], name: string, rows: Array<{ [key: string]: Json }>, options: CompactObservationOptions): void {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const shown = options.recent === undefined || options.recent >= rows.length ? rows : rows.slice(rows.length - options.recent);
  const first = rows.length - shown.length + 1;
  const span = shown.length === rows.length ? `${rows.length} rows` : `rows ${first}-${rows.length} of ${rows.length}`;
  lines.push(`${name} (${span}): # | ${columns.join(' | ')}`);
  shown.forEach((row, i) => lines.push(`${first + i} | ${columns.map((c) => (row[c] === undefined ? '' : scalar(row[c]!))).join(' | ')}`));
}
