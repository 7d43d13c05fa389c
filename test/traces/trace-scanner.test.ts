import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TraceScanner } from '../../src/traces/trace-scanner.js';
import { parseTraceText } from '../../src/traces/trace-reader.js';
import { fixture } from './helpers/trace-files.js';

describe('TraceScanner', () => {
  it('gives the same events whatever the chunk boundaries, even inside a multi-byte character', () => {
    const base = readFileSync(fixture('golden-v1.jsonl'), 'utf8');
    const text = base.replace('I took 6.', 'I took 6 — ça va? 🐟');
    const bytes = Buffer.from(text, 'utf8');
    const expected = parseTraceText(text, 'whole');
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const scanner = new TraceScanner('chunked');
      const values = [];
      for (let i = 0; i < bytes.length; i += size) {
        values.push(...scanner.push(bytes.subarray(i, i + size)).map((l) => l.value));
      }
      expect(scanner.finish()).toEqual({});
      expect(values.slice(1)).toEqual(expected.events);
    }
  });

  it('reports each line’s byte end, so resume can cut exactly after a line', () => {
    const text = readFileSync(fixture('golden-v1.jsonl'), 'utf8');
    const scanner = new TraceScanner('ends');
    const ends = scanner.push(Buffer.from(text)).map((l) => l.end);
    const expected: number[] = [];
    let at = 0;
    for (const line of text.split('\n').slice(0, -1)) expected.push((at += Buffer.byteLength(line) + 1));
    expect(ends).toEqual(expected);
  });
});
