// A run directory has one writer at a time (a lock with pid, host and start time; a dead writer's lock is
// stale), and no command replaces an existing output unless told to with --force.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTrace } from '../../src/traces/trace-reader.js';
import { cli } from '../helpers/cli.js';
import { startFaultServer, type FaultServer } from './helpers/fault-server.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-rundir-'));
const child = join(import.meta.dirname, 'helpers/cli-child.ts');
const quickstart = join(import.meta.dirname, '../../examples/quickstart/prisoners-dilemma.yaml');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the run-directory lock', () => {
  let server: FaultServer | undefined;
  afterEach(async () => void (await server?.close()));

  it('refuses resume, run --force and fork into a directory a live process writes, and takes over the lock once it is dead', async () => {
    server = await startFaultServer({ slowModels: ['slow'], slowMs: 1500 });
    const dir = tmp();
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ game: 'public-goods', params: { rounds: 6 }, seed: 3, agents: [{ id: 'a', count: 4, policy: { model: `openai-compatible:slow@${server.url}` } }] }));
    const out = join(dir, 'run');
    const trace = join(out, 'trace.jsonl');
    const proc = spawn(process.execPath, ['--import', 'tsx', child, 'run', config, '--out', out, '--quiet'], { stdio: 'ignore' });
    const exited = new Promise((r) => proc.once('exit', r));
    for (let i = 0; i < 4000 && !(existsSync(trace) && (readFileSync(trace, 'utf8').match(/"checkpoint"/g)?.length ?? 0) >= 2); i++) await sleep(20);
    const lock = JSON.parse(readFileSync(join(out, '.polis.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: proc.pid, host: hostname() });
    expect(Date.parse(lock.startedAt)).not.toBeNaN();

    const resume = await cli(['resume', out]);
    expect(resume.code).toBe(1);
    expect(resume.stderr).toContain(`being written by process ${proc.pid} on ${hostname()}`);
    const size = readFileSync(trace).length;
    const forced = await cli(['run', config, '--out', out, '--quiet', '--force']);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain(`being written by process ${proc.pid}`);
    // The live run's trace was not replaced: it only grew.
    expect(readFileSync(trace).length).toBeGreaterThanOrEqual(size);
    expect(readFileSync(trace, 'utf8').split('\n', 1)[0]).toContain('"type":"header"');
    const fork = await cli(['fork', trace, '--at', '1', '--out', out, '--force']);
    expect(fork.code).not.toBe(0);

    proc.kill('SIGKILL');
    await exited;
    // The holder is dead on this host: its lock is stale and resume takes it over.
    const resumed = await cli(['resume', out, '--json']);
    expect(resumed.stderr).toBe('');
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'completed' });
    expect(existsSync(join(out, '.polis.lock'))).toBe(false);
  }, 150_000);

  it('refuses a lock held by another host, whatever its pid', async () => {
    const out = join(tmp(), 'run');
    expect((await cli(['run', quickstart, '--out', out, '--quiet'])).code).toBe(0);
    writeFileSync(join(out, '.polis.lock'), JSON.stringify({ pid: 999999, host: 'elsewhere', startedAt: '2026-01-01T00:00:00.000Z' }));
    const again = await cli(['run', quickstart, '--out', out, '--quiet', '--force']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('being written by process 999999 on elsewhere');
    expect(again.stderr).toContain('.polis.lock');
  });
});

describe('no clobbering', () => {
  async function recorded(): Promise<{ dir: string; trace: string; runId: string }> {
    const dir = join(tmp(), 'run');
    expect((await cli(['run', quickstart, '--out', dir, '--quiet'])).code).toBe(0);
    const trace = join(dir, 'trace.jsonl');
    return { dir, trace, runId: (await readTrace(trace)).header.runId };
  }

  it('gives each fork its own default directory and run id, and refuses an existing --out without --force', async () => {
    const { dir, trace, runId } = await recorded();
    expect((await cli(['fork', trace, '--at', '2'])).code).toBe(0);
    expect((await cli(['fork', trace, '--at', '2'])).code).toBe(0);
    const first = await readTrace(join(dir, 'fork-2', 'trace.jsonl'));
    const second = await readTrace(join(dir, 'fork-2-2', 'trace.jsonl'));
    expect(first.header.parent).toMatchObject({ runId, relation: 'fork' });
    expect(second.header.parent).toMatchObject({ runId, relation: 'fork' });
    expect(new Set([runId, first.header.runId, second.header.runId]).size).toBe(3);

    const before = readFileSync(join(dir, 'fork-2', 'trace.jsonl'), 'utf8');
    const refused = await cli(['fork', trace, '--at', '3', '--out', join(dir, 'fork-2')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists; pass --force to replace it/);
    expect(refused.stderr).not.toMatch(/overwrite: true/);
    expect(readFileSync(join(dir, 'fork-2', 'trace.jsonl'), 'utf8')).toBe(before);
    expect((await cli(['fork', trace, '--at', '3', '--out', join(dir, 'fork-2'), '--force'])).code).toBe(0);
    expect((await cli(['fork', trace, '--at', '3', '--out', dir, '--force'])).code).toBe(2);
    expect((await readTrace(trace)).header.runId).toBe(runId);
  });

  it('reruns into fresh directories and never over the original or an earlier rerun without --force', async () => {
    const { dir, trace } = await recorded();
    const original = readFileSync(trace, 'utf8');
    expect((await cli(['replay', trace, '--mode', 'rerun'])).code).toBe(0);
    expect((await cli(['replay', trace, '--mode', 'rerun'])).code).toBe(0);
    expect(existsSync(join(dir, 'rerun', 'trace.jsonl')) && existsSync(join(dir, 'rerun-2', 'trace.jsonl'))).toBe(true);
    const into = await cli(['replay', trace, '--mode', 'rerun', '--out', dir, '--force']);
    expect(into.code).toBe(2);
    expect(readFileSync(trace, 'utf8')).toBe(original);
    const again = await cli(['replay', trace, '--mode', 'rerun', '--out', join(dir, 'rerun')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/--force/);
    expect((await cli(['replay', trace, '--mode', 'rerun', '--out', join(dir, 'rerun'), '--force'])).code).toBe(0);
  });

  it('exports never over the trace itself, nor over an existing file without --force', async () => {
    const { dir, trace } = await recorded();
    const original = readFileSync(trace, 'utf8');
    expect((await cli(['trace', 'export', trace, '--format', 'orchestration', '--out', trace, '--force'])).code).toBe(2);
    expect(readFileSync(trace, 'utf8')).toBe(original);
    const out = join(dir, 'export.json');
    writeFileSync(out, 'precious');
    const refused = await cli(['trace', 'export', trace, '--format', 'orchestration', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists; pass --force/);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect((await cli(['trace', 'export', trace, '--format', 'orchestration', '--out', out, '--force'])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toBeTruthy();
  });
});
