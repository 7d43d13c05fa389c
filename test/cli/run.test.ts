import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-cli-'));
const quickstart = join(import.meta.dirname, '../../examples/quickstart/prisoners-dilemma.yaml');

describe('polis run', () => {
  it('runs the offline quickstart and writes a trace and a summary', async () => {
    const out = join(tmp(), 'run');
    const { code, stdout } = await cli(['run', quickstart, '--out', out, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.status).toBe('completed');
    expect(result.rounds).toBe(10);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.payoffs).toEqual(result.payoffs);
    expect(summary.usage.calls).toBe(10);
    const header = JSON.parse(readFileSync(join(out, 'trace.jsonl'), 'utf8').split('\n')[0]!);
    expect(header).toMatchObject({ type: 'header', schemaVersion: 3, sdk: { name: 'polis' }, seeds: { root: 7 }, models: { alice: { provider: 'scripted' } } });
    expect(Object.keys(header.prompts)).toContain('generic-agent@2');
  });

  it('refuses to overwrite a recorded run unless --force is given', async () => {
    const out = join(tmp(), 'run');
    expect((await cli(['run', quickstart, '--out', out, '--quiet'])).code).toBe(0);
    const again = await cli(['run', quickstart, '--out', out, '--quiet']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/trace already exists; pass --force to replace it/);
    expect((await cli(['run', quickstart, '--out', out, '--quiet', '--force'])).code).toBe(0);
  });

  it('gives the same trace for the same seed and a different one for --seed', async () => {
    const dir = tmp();
    const body = (f: string) => readFileSync(f, 'utf8').split('\n').slice(1).map((l) => l.replace(/"wall":\d+/g, '').replace(/"durationMs":[\d.e-]+/g, ''));
    await cli(['run', quickstart, '--out', join(dir, 'a'), '--quiet']);
    await cli(['run', quickstart, '--out', join(dir, 'b'), '--quiet']);
    await cli(['run', quickstart, '--out', join(dir, 'c'), '--quiet', '--seed', '8']);
    expect(body(join(dir, 'a/trace.jsonl'))).toEqual(body(join(dir, 'b/trace.jsonl')));
    expect(body(join(dir, 'a/trace.jsonl'))).not.toEqual(body(join(dir, 'c/trace.jsonl')));
  });

  it('exits 2 with the config path for a bad config', async () => {
    const dir = tmp();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'game: prisoners-dilemma\nparams: { rounds: -3 }\nagents:\n  - policy: { strategy: tit-for-tat }\n  - policy: { modle: x }\n');
    const { code, stderr } = await cli(['run', file, '--out', join(dir, 'o')]);
    expect(code).toBe(2);
    expect(stderr).toContain('bad.yaml');
    expect(stderr).toMatch(/agents\[1\]\.policy/);
    expect(existsSync(join(dir, 'o', 'trace.jsonl'))).toBe(false);
  });

  it('names game parameters and unknown strategies by config path', async () => {
    const dir = tmp();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'game: prisoners-dilemma\nparams: { rounds: -3 }\nagents:\n  - policy: { strategy: tit-for-tat }\n  - policy: { strategy: tit-for-tat }\n');
    expect((await cli(['run', file, '--out', join(dir, 'o')])).stderr).toMatch(/params\.rounds/);
    writeFileSync(file, 'game: prisoners-dilemma\nagents:\n  - policy: { strategy: tit-for-tat }\n  - policy: { strategy: nice-guy }\n');
    const r = await cli(['run', file, '--out', join(dir, 'o')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/agents\[1\]\.policy\.strategy: unknown strategy "nice-guy".*known: .*tit-for-tat/);
    writeFileSync(file, 'game: no-such-game\nagents:\n  - policy: { strategy: x }\n');
    expect((await cli(['run', file, '--out', join(dir, 'o')])).stderr).toMatch(/game: unknown game "no-such-game"; known games: .*prisoners-dilemma/);
  });

  it('reports YAML syntax errors with the line, and a missing file as exit 1', async () => {
    const dir = tmp();
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'game: x\nagents: [\n  - a\n');
    const r = await cli(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml.*invalid YAML at line \d/s);
    expect((await cli(['run', join(dir, 'missing.yaml')])).code).toBe(1);
  });

  it('accepts TypeScript configs written with defineConfig', async () => {
    const dir = tmp();
    const file = join(dir, 'polis.config.ts');
    const src = join(import.meta.dirname, '../../src/index.ts');
    writeFileSync(file, `import { defineConfig } from ${JSON.stringify(src)};\nexport default defineConfig({ game: 'prisoners-dilemma', params: { rounds: 3 }, agents: [{ policy: { strategy: 'defector' } }, { policy: { strategy: 'cooperator' } }] });\n`);
    const r = await cli(['run', file, '--out', join(dir, 'o'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).payoffs).toEqual({ 'defector-1': 15, 'cooperator-1': 0 });
  });

  it('exits 2 on bad usage', async () => {
    expect((await cli(['run'])).code).toBe(2);
    expect((await cli(['run', quickstart, '--seed', 'abc'])).code).toBe(2);
    expect((await cli(['no-such-command'])).code).toBe(2);
  });
});

describe('polis replay, fork, diff, trace', () => {
  it('views, reruns, forks, diffs and exports a run', async () => {
    const dir = tmp();
    const out = join(dir, 'run');
    await cli(['run', quickstart, '--out', out, '--quiet']);
    const trace = join(out, 'trace.jsonl');
    const view = await cli(['replay', trace, '--mode', 'view']);
    expect(view.code).toBe(0);
    expect(view.stdout).toMatch(/run-end .*completed/);
    const viewJson = await cli(['replay', trace, '--mode', 'view', '--json']);
    const viewed = JSON.parse(viewJson.stdout) as { header: { runId: string }; events: Array<{ seq: number; type: string }> };
    expect(viewed.events.map((e) => e.seq)).toEqual(viewed.events.map((_, i) => i));
    expect(viewed.events.at(-1)?.type).toBe('run-end');
    const rerun = await cli(['replay', trace, '--mode', 'rerun', '--json']);
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ identical: true, modelCalls: 0, replayed: 10 });
    const fork = await cli(['fork', trace, '--at', '4', '--set', 'agents[1].policy={strategy: defector}', '--json']);
    expect(fork.code).toBe(0);
    expect(JSON.parse(fork.stdout)).toMatchObject({ status: 'completed', at: 4 });
    const diff = await cli(['diff', trace, join(out, 'fork-4', 'trace.jsonl'), '--json']);
    expect(JSON.parse(diff.stdout).identical).toBe(false);
    expect(diff.code).toBe(1);
    expect((await cli(['diff', trace, trace])).code).toBe(0);
    const exported = join(dir, 'orch.json');
    expect((await cli(['trace', 'export', trace, '--format', 'orchestration', '--out', exported])).code).toBe(0);
    expect((await cli(['trace', 'validate', exported, '--format', 'orchestration'])).code).toBe(0);
    expect((await cli(['trace', 'validate', trace])).stdout).toMatch(/^valid: \d+ events/);
    expect((await cli(['replay', trace, '--mode', 'nope'])).code).toBe(2);
  });

  it('exits 1 naming the line for a corrupt trace', async () => {
    const dir = tmp();
    const out = join(dir, 'run');
    await cli(['run', quickstart, '--out', out, '--quiet']);
    const trace = join(out, 'trace.jsonl');
    const lines = readFileSync(trace, 'utf8').split('\n');
    lines[3] = lines[3]!.replace('"time":', '"time":"soon","was":');
    writeFileSync(trace, lines.join('\n'));
    const r = await cli(['trace', 'validate', trace]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/trace\.jsonl:line 4: expected number.*\(field events\.time\)/);
  });

  it('resumes nothing for a finished run, with a clear error', async () => {
    const out = join(tmp(), 'run');
    await cli(['run', quickstart, '--out', out, '--quiet']);
    const r = await cli(['resume', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already completed/);
  });
});
