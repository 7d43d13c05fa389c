import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors/index.js';
import { iterateTrace, parseTraceText, readTrace } from '../../src/traces/trace-reader.js';
import { fixture } from './helpers/trace-files.js';

async function readError(name: string): Promise<InputError> {
  const error = await readTrace(fixture(name)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

const golden = readFileSync(fixture('golden-v1.jsonl'), 'utf8');
const headerLine = golden.split('\n')[0]!;

describe('reading corrupt traces', () => {
  it('bad JSON in the middle names the line', async () => {
    const e = await readError('corrupt-bad-json-mid.jsonl');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/corrupt-bad-json-mid\.jsonl:line 3: invalid JSON/);
  });

  it('a wrong field type names the line and the field path', async () => {
    const e = await readError('corrupt-wrong-field-type.jsonl');
    expect([e.line, e.field]).toEqual([3, 'events.value']);
    expect(e.message).toMatch(/:line 3: expected number, received string \(field events\.value\)$/);
  });

  it('an unknown $text hash names the line and where the reference was', async () => {
    const e = await readError('corrupt-unknown-text-hash.jsonl');
    expect([e.line, e.field]).toEqual([2, 'events.observation.text']);
    expect(e.message).toMatch(/unknown \$text reference 0{64}/);
  });

  it('a torn last line is reported, not thrown, and the complete lines are kept', async () => {
    const { events, torn } = await readTrace(fixture('torn-last-line.jsonl'));
    expect(events.map((e) => e.seq)).toEqual([0, 1]);
    expect(torn).toEqual({ line: 4, bytes: '{"seq":2,"type":"metric","time":1,"na'.length, offset: expect.any(Number) });
  });

  it('an unparsable last line with a newline counts as torn too', () => {
    const text = `${headerLine}\n{"seq":0,"type":"metric","time":0,"name":"x","value":1}\n{"seq":1,"ty\n`;
    expect(parseTraceText(text, 'mem.jsonl').torn).toEqual({ line: 3, bytes: 13, offset: text.length - 13 });
  });

  it('a valid line that breaks the schema at the end still throws', () => {
    const text = `${headerLine}\n{"seq":0,"type":"metric","time":0,"name":"x","value":"1"}\n`;
    expect(() => parseTraceText(text, 'mem.jsonl')).toThrow(/mem\.jsonl:line 2: .*\(field events\.value\)/);
  });

  it('checks that seq is dense', () => {
    const text = `${headerLine}\n{"seq":1,"type":"metric","time":0,"name":"x","value":1}\n`;
    expect(() => parseTraceText(text, 'mem.jsonl')).toThrow(/line 2: expected seq 0, found 1 \(field events\.seq\)/);
  });

  it('rejects an unknown event type, a text whose hash does not match, and an empty file', () => {
    const unknown = `${headerLine}\n{"seq":0,"type":"teleport","time":0}\n`;
    expect(() => parseTraceText(unknown, 'm')).toThrow(/field events\.type/);
    const text = `${headerLine}\n{"seq":0,"type":"text","time":0,"hash":"${'a'.repeat(64)}","text":"hi"}\n`;
    expect(() => parseTraceText(text, 'm')).toThrow(/does not match its sha256 hash/);
    expect(() => parseTraceText('', 'm')).toThrow(/empty trace/);
  });

  it('rejects a trace from a newer schema version', () => {
    const newer = headerLine.replace('"schemaVersion":1', '"schemaVersion":99');
    expect(() => parseTraceText(`${newer}\n`, 'm')).toThrow(/schema version 99 is newer/);
  });

  it('names a missing file', async () => {
    await expect(readTrace('/nonexistent/trace.jsonl')).rejects.toThrow(/trace\.jsonl: no such trace file/);
  });
});

describe('iterateTrace', () => {
  it('streams the header then every event, and returns the torn line', async () => {
    const it = iterateTrace(fixture('torn-last-line.jsonl'));
    const types: string[] = [];
    let step = await it.next();
    while (!step.done) {
      types.push(step.value.type);
      step = await it.next();
    }
    expect(types).toEqual(['header', 'phase-start', 'action']);
    expect(step.value.torn?.line).toBe(4);
  });

  it('with types, reads only those events (and texts), decoded as a full read decodes them, and still checks seq', async () => {
    const file = fixture('golden-v2.jsonl');
    const all = (await readTrace(file)).events.filter((e) => e.type === 'model-call' || e.type === 'text');
    const some: unknown[] = [];
    for await (const e of iterateTrace(file, { types: new Set(['model-call']) })) if (e.type !== 'header') some.push(e);
    expect(all.some((e) => e.type === 'model-call')).toBe(true);
    expect(some).toEqual(all);
    const gap = `${headerLine}\n{"seq":0,"type":"metric","time":0,"name":"x","value":1}\n{"seq":2,"type":"metric","time":0,"name":"x","value":1}\n`;
    const dir = mkdtempSync(join(tmpdir(), 'polis-types-'));
    writeFileSync(join(dir, 't.jsonl'), gap);
    const read = async () => {
      for await (const _ of iterateTrace(join(dir, 't.jsonl'), { types: new Set(['model-call']) })) void _;
    };
    await expect(read()).rejects.toThrow(/line 3: expected seq 1, found 2/);
    rmSync(dir, { recursive: true, force: true });
  });

});
