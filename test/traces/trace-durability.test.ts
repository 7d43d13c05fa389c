// A process killed with SIGKILL mid-run loses at most the line being written: every complete line
// reads back, at most one torn line follows, and reopening continues the seq.
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readTrace } from '../../src/traces/trace-reader.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';
import { header, tempDir } from './helpers/trace-files.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const script = fileURLToPath(new URL('./helpers/append-forever.ts', import.meta.url));

function runAndKill(file: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe('kill -9 durability', () => {
  it('keeps every complete line and at most one torn one, and appending resumes the seq', async () => {
    const file = tmp.file('killed.jsonl');
    expect(await runAndKill(file)).toBe('SIGKILL');
    const { events, torn } = await readTrace(file);
    expect(events.length).toBeGreaterThan(2000);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    if (torn) expect(torn.offset + torn.bytes).toBe(readFileSync(file).length);

    const w = TraceWriter.openForAppend(file);
    const last = events.at(-1)!.seq;
    expect(w.append({ type: 'observation', time: 0, agent: 'a', observation: { text: 'the same long observation text '.repeat(12), i: -1 } })).toBe(last + 1);
    w.close();
    const after = await readTrace(file);
    expect(after.torn).toBeUndefined();
    expect(after.events).toHaveLength(events.length + 1);
    // The long text was interned before the crash; the reopened writer refers to it, not repeats it.
    const texts = (list: typeof events) => list.filter((e) => e.type === 'text').length;
    expect(texts(after.events)).toBe(texts(events));
    expect(after.events.at(-1)).toMatchObject({ type: 'observation', observation: { i: -1 } });
  });

  it('cuts a torn last line off when reopening', async () => {
    const file = tmp.file('torn.jsonl');
    const w = TraceWriter.create(file, header());
    w.append({ type: 'metric', time: 0, name: 'x', value: 1 });
    w.close();
    appendFileSync(file, '{"seq":1,"type":"met');
    expect((await readTrace(file)).torn).toMatchObject({ line: 3, bytes: 20 });
    const again = TraceWriter.openForAppend(file);
    expect(again.append({ type: 'metric', time: 1, name: 'x', value: 2 })).toBe(1);
    again.close();
    const { events, torn } = await readTrace(file);
    expect(torn).toBeUndefined();
    expect(events.map((e) => e.type === 'metric' && e.value)).toEqual([1, 2]);
  });
});
