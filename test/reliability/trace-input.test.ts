// Trace files touched by editors: a UTF-8 byte order mark and trailing blank lines are accepted; a blank
// line between events is still refused, naming its line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { gameRegistry } from '../../src/games/registry.js';
import { readTrace } from '../../src/traces/trace-reader.js';

describe('trace input from editors', () => {
  it('reads a trace with a BOM and trailing blank lines as the original', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-bom-'));
    const config = validateConfig({ game: 'prisoners-dilemma', params: { rounds: 2 }, agents: [{ id: 'a', policy: { model: 'default' } }, { id: 'b', policy: { strategy: 'tit-for-tat' } }] });
    const run = await runExperiment({ config, out: join(dir, 'run'), games: gameRegistry });
    const text = readFileSync(run.traceFile, 'utf8');
    const original = await readTrace(run.traceFile);
    const edited = join(dir, 'edited.jsonl');
    writeFileSync(edited, `\uFEFF${text}\n\n`);
    const read = await readTrace(edited);
    expect(read.events).toEqual(original.events);
    expect(read.header).toEqual(original.header);
    const lines = text.split('\n');
    writeFileSync(edited, [...lines.slice(0, 3), '', ...lines.slice(3)].join('\n'));
    await expect(readTrace(edited)).rejects.toThrow(/line 4.*empty line|empty line.*line 4/s);
  });
});
