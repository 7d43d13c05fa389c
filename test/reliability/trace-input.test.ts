// Trace files touched by editors: a UTF-8 byte order mark and trailing blank lines are accepted; a blank
// line between events is still refused, naming its line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { gameRegistry } from '../../src/games/registry.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { cli } from '../helpers/cli.js';

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

  it('rejects a checkpoint whose state is nonsense in `trace validate`, and fork names it instead of a TypeError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-checkpoint-'));
    const config = validateConfig({ game: 'prisoners-dilemma', params: { rounds: 3 }, agents: [{ id: 'a', policy: { model: 'default' } }, { id: 'b', policy: { strategy: 'tit-for-tat' } }] });
    const run = await runExperiment({ config, out: join(dir, 'run'), games: gameRegistry });
    expect((await cli(['trace', 'validate', run.traceFile])).code).toBe(0);
    const { header, events } = await readTrace(run.traceFile);
    const broken = join(dir, 'broken.jsonl');
    const w = TraceWriter.create(broken, header);
    for (const e of events) {
      if (e.type === 'text') continue;
      // The round-2 checkpoint: its rng streams replaced by nonsense.
      if (e.type === 'checkpoint' && e.time === 2) w.append({ ...e, state: { ...(e.state as object), gameRng: 'nonsense' } });
      else w.append(e);
    }
    w.close();
    const validate = await cli(['trace', 'validate', broken]);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toMatch(/broken\.jsonl.*checkpoint seq \d+ \(round 2\) cannot be continued from: state\.gameRng/s);
    const fork = await cli(['fork', broken, '--at', '2', '--out', join(dir, 'fork')]);
    expect(fork.code).toBe(1);
    expect(fork.stderr).toMatch(/checkpoint seq \d+ \(round 2\).*state\.gameRng/s);
    expect(fork.stderr).not.toMatch(/TypeError/);
  });
});
