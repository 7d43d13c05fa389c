import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrace } from '../../src/traces/trace-reader.js';
import { TracePages } from '../../src/traces/trace-pages.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/traces');

describe('TracePages (random access for the viewer)', () => {
  for (const name of ['golden-v1.jsonl', 'golden-v2.jsonl', 'golden-v3.jsonl']) {
    it(`returns every event of ${name} as readTrace does, in any order`, async () => {
      const file = join(FIXTURES, name);
      const whole = await readTrace(file);
      const pages = await TracePages.open(file);
      try {
        expect(pages.count).toBe(whole.events.length);
        expect(pages.header()).toEqual(whole.header);
        // Backwards, one at a time: every delta chain is walked from an empty cache.
        for (let seq = whole.events.length - 1; seq >= 0; seq--) expect(pages.events(seq, seq + 1)).toEqual([whole.events[seq]]);
        expect(pages.events(0, 1e9)).toEqual(whole.events);
      } finally {
        pages.close();
      }
    });
  }

  it('indexes lines appended after opening (a running trace), not a torn last line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-pages-'));
    const file = join(dir, 'trace.jsonl');
    const lines = readFileSync(join(FIXTURES, 'golden-v2.jsonl'), 'utf8').split('\n').filter(Boolean);
    writeFileSync(file, `${lines.slice(0, 10).join('\n')}\n`);
    const pages = await TracePages.open(file);
    try {
      expect(pages.count).toBe(9);
      appendFileSync(file, `${lines.slice(10, 20).join('\n')}\n${lines[20]!.slice(0, 15)}`);
      expect(await pages.refresh()).toBe(19);
      appendFileSync(file, `${lines[20]!.slice(15)}\n`);
      expect(await pages.refresh()).toBe(20);
      const whole = await readTrace(join(FIXTURES, 'golden-v2.jsonl'));
      expect(pages.events(0, 20)).toEqual(whole.events.slice(0, 20));
    } finally {
      pages.close();
    }
  });

  it('names file and line of a corrupt event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-pages-'));
    const file = join(dir, 'bad.jsonl');
    copyFileSync(join(FIXTURES, 'corrupt-bad-json-mid.jsonl'), file);
    const pages = await TracePages.open(file);
    try {
      expect(() => pages.events(0, 10)).toThrow(/line 3/);
    } finally {
      pages.close();
    }
  });
});
