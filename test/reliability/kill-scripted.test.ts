// kill -9 in the middle of a run of scripted players: their decisions are gathered into `decisions` lines
// written when the phase's next event comes, so some are only in memory when the process dies. Resume
// makes them again from the last checkpoint (each player's stream restored from its draw count), and the
// finished trace is the uninterrupted run's.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const child = join(import.meta.dirname, 'helpers/cli-child.ts');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ROUNDS = 6000;
/** Events without wall-clock fields and the run id, for comparing runs made at different times. */
function timeless(file: string): string[] {
  const [header, ...events] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const runId = (JSON.parse(header!) as { runId: string }).runId;
  return events.map((l) => l.split(runId).join('RUN').replace(/"wall":\d+/g, '"wall":0'));
}

describe('kill -9 during a run of scripted players', () => {
  it('resumes to the uninterrupted trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-kill-scripted-'));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ game: 'prisoners-dilemma', params: { rounds: ROUNDS }, seed: 9, agents: [{ id: 'r1', policy: { strategy: 'random' } }, { id: 'r2', policy: { strategy: 'random' } }] }));
    const reference = join(dir, 'reference');
    expect((await cli(['run', config, '--out', reference, '--quiet'])).code).toBe(0);

    const out = join(dir, 'run');
    const trace = join(out, 'trace.jsonl');
    const proc = spawn(process.execPath, ['--import', 'tsx', child, 'run', config, '--out', out, '--quiet'], { stdio: 'ignore' });
    const exited = new Promise((r) => proc.once('exit', r));
    const checkpoints = () => (existsSync(trace) ? (readFileSync(trace, 'utf8').match(/"type":"checkpoint"/g)?.length ?? 0) : 0);
    for (let i = 0; i < 3000 && checkpoints() < 100; i++) await sleep(10);
    proc.kill('SIGKILL');
    await exited;
    const killed = readFileSync(trace, 'utf8');
    expect(killed).not.toContain('"type":"run-end"');
    expect(killed).toContain('"type":"decisions"');

    const resumed = await cli(['resume', out, '--json']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(timeless(trace)).toEqual(timeless(join(reference, 'trace.jsonl')));
  }, 120_000);
});
