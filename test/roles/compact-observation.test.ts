import { describe, expect, it } from 'vitest';
import type { MemoryItem } from '../../src/agents/agent.js';
import { compactObservation, type CompactObservationOptions } from '../../src/roles/compact-observation.js';
import { renderMemory } from '../../src/roles/render-memory.js';

// The reference: the observation copied through JSON, then rendered (what compactObservation did before it
// learned to render frozen rows once). The fast path must print exactly this, or reruns of older traces
// would see different prompts.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
function reference(observation: unknown, options: CompactObservationOptions = {}): string {
  const value = JSON.parse(JSON.stringify(observation ?? null)) as Json;
  const isRecord = (v: Json): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);
  const scalar = (v: Json): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));
  const lines: string[] = [];
  const emit = (name: string, v: Json): void => {
    if (Array.isArray(v) && v.length > 0 && v.every(isRecord)) {
      const rows = v as Array<{ [key: string]: Json }>;
      const columns: string[] = [];
      for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
      const shown = options.recent === undefined || options.recent >= rows.length ? rows : rows.slice(rows.length - options.recent);
      const first = rows.length - shown.length + 1;
      const span = shown.length === rows.length ? `${rows.length} rows` : `rows ${first}-${rows.length} of ${rows.length}`;
      lines.push(`${name} (${span}): # | ${columns.join(' | ')}`);
      shown.forEach((row, i) => lines.push(`${first + i} | ${columns.map((c) => (row[c] === undefined ? '' : scalar(row[c]!))).join(' | ')}`));
    } else if (isRecord(v)) {
      const entries = Object.entries(v);
      if (entries.length === 0) lines.push(`${name}: {}`);
      else if (entries.every(([, x]) => x === null || typeof x !== 'object')) lines.push(`${name}: ${entries.map(([k, x]) => `${k}=${scalar(x)}`).join(', ')}`);
      else for (const [k, x] of entries) emit(`${name}.${k}`, x);
    } else lines.push(`${name}: ${scalar(v)}`);
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) emit('observation', value);
  else for (const [key, v] of Object.entries(value)) emit(key, v);
  return lines.join('\n');
}

class Log {
  constructor(readonly rows: object[]) {}
  toJSON(): object[] {
    return this.rows;
  }
}

describe('compactObservation', () => {
  const frozenRows = Array.from({ length: 30 }, (_, i) => Object.freeze({ a: i % 2, b: (i * 7) % 3, total: i * 1.5 }));
  const cases: Array<[string, unknown]> = [
    ['scalars and nesting', { round: 3, name: 'alice', ok: true, none: null, nested: { x: 1, deep: { y: [1, 2], z: 'w' } }, empty: {}, list: [] }],
    ['skipped and non-finite values', { gone: undefined, fn: () => 1, nan: Number.NaN, inf: Infinity, arr: [undefined, 1, Number.NaN], when: new Date(0) }],
    ['a history behind toJSON, frozen rows', { round: 31, history: new Log(frozenRows) }],
    ['rows of different shapes', { offers: [{ from: 'a', amount: 3 }, { to: 'b', amount: 1, note: undefined }, { from: 'c', nested: { k: 1 } }] }],
    ['mixed arrays are JSON', { grid: [[1, 2], [3, 4]], mixed: [{ a: 1 }, 2] }],
    ['boxed and odd values', { n: Object(5), s: Object('x'), neg: -0, big: 1e21, keys: { '2': 'b', '1': 'a', __proto__x: 1 } }],
    ['not an object', [1, 2, 3]],
    ['a string', 'hello'],
    ['nothing', undefined],
  ];
  for (const [name, observation] of cases) {
    it(`prints what the JSON copy would print: ${name}`, () => {
      expect(compactObservation(observation)).toBe(reference(observation));
      expect(compactObservation(observation, { recent: 4 })).toBe(reference(observation, { recent: 4 }));
    });
  }

  it('renders a growing frozen history the same round after round (rows cached by record)', () => {
    const rows: object[] = [];
    for (let round = 0; round < 50; round++) {
      rows.push(Object.freeze({ a: round % 2, b: round % 3, note: round % 5 === 0 ? 'five' : undefined }));
      const observation = { round, history: new Log(rows.slice()) };
      expect(compactObservation(observation)).toBe(reference(observation));
      expect(compactObservation(observation, { recent: 10 })).toBe(reference(observation, { recent: 10 }));
    }
  });

  it('shows a frozen row in the table columns of its neighbours', () => {
    const shared = Object.freeze({ a: 1 });
    expect(compactObservation({ h: [shared] })).toBe('h (1 rows): # | a\n1 | 1');
    expect(compactObservation({ h: [shared, { a: 2, b: 3 }] })).toBe('h (2 rows): # | a | b\n1 | 1 | \n2 | 2 | 3');
  });
});

describe('renderMemory', () => {
  const reference = (items: readonly MemoryItem[]): string => {
    if (items.length === 0) return '';
    const lines: string[] = [];
    let turn: number | undefined;
    for (const item of items) {
      if (item.kind === 'summary') {
        lines.push(`- summary: ${item.text}`);
        turn = undefined;
      } else if (item.turn === turn) lines[lines.length - 1] += ` ${item.text}`;
      else {
        lines.push(`- turn ${item.turn}: ${item.text}`);
        turn = item.turn;
      }
    }
    return `What you remember:\n${lines.join('\n')}\n`;
  };

  it('goes on from its last rendering as a memory grows, and starts again when the front changes', () => {
    const items: MemoryItem[] = [Object.freeze({ kind: 'summary', turn: 0, text: 'so far' })];
    for (let turn = 1; turn <= 40; turn++) {
      items.push(Object.freeze({ kind: 'action', turn, text: `did ${turn}` }));
      if (turn % 3 === 0) items.push(Object.freeze({ kind: 'outcome', turn, text: `got ${turn}` }));
      expect(renderMemory(items.slice())).toBe(reference(items));
      expect(renderMemory(items.slice(1))).toBe(reference(items.slice(1)));
      expect(renderMemory(items.slice(-5))).toBe(reference(items.slice(-5)));
    }
    // A shorter view with the same front (a restored memory) is rendered afresh.
    expect(renderMemory(items.slice(0, 3))).toBe(reference(items.slice(0, 3)));
  });

  it('never reuses the text of items that are not frozen (they may change)', () => {
    const items: MemoryItem[] = [{ kind: 'action', turn: 1, text: 'a' }];
    expect(renderMemory(items)).toBe(reference(items));
    items[0]!.text = 'b';
    items.push({ kind: 'action', turn: 2, text: 'c' });
    expect(renderMemory(items)).toBe(reference(items));
  });
});
