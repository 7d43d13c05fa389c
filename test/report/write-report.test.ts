import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedJson } from '../../src/report/render-html.js';
import { packRunPrompts, unpackRunPrompts } from '../../src/report/pack-prompts.js';
import type { ReportView } from '../../src/report/report-data.js';
import { runView } from '../../src/report/run-view.js';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { gameRegistry } from '../../src/games/registry.js';
import { ScriptedClient } from '../../src/models/scripted/scripted-client.js';
import { createModelStack } from '../../src/models/wrappers/create-model-stack.js';
import { cli } from '../helpers/cli.js';
import { quickstartRun, tempDir } from './fixtures.js';

let dir: string;
let run: string;
beforeAll(async () => {
  dir = tempDir();
  run = await quickstartRun(dir);
}, 60_000);

describe('polis report (files)', () => {
  it('refuses to replace an existing output without --force, and replaces it with --force', async () => {
    const out = join(dir, 'r.html');
    writeFileSync(out, 'keep me');
    const refused = await cli(['report', run, '--out', out]);
    expect(refused.code).toBe(1); // as every command that refuses an existing output
    expect(refused.stderr).toContain(`${out} already exists; pass --force to replace it`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await cli(['report', run, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('writes one self-contained file: no external references, the data embedded as JSON', async () => {
    const r = await cli(['report', join(run, 'trace.jsonl'), '--out', join(dir, 'self.html')]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'self.html'), 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).toContain("default-src 'none'");
    const data = JSON.parse(/<script type="application\/json" id="polis-data">(.*?)<\/script>/s.exec(html)![1]!);
    const view = await runView(join(run, 'trace.jsonl'));
    // Prompts are packed on the page (each extends the agent's previous one); unpacked they are the view.
    expect(data).toEqual(JSON.parse(JSON.stringify(packRunPrompts(view))));
    expect(JSON.stringify(data).length).toBeLessThan(JSON.stringify(view).length * 0.8);
    expect(unpackRunPrompts(data as ReportView)).toEqual(JSON.parse(JSON.stringify(view)));
    expect(statSync(join(dir, 'self.html')).size).toBeGreaterThan(50_000);
  });

  it('names a missing input', async () => {
    const r = await cli(['report', join(dir, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such run directory or trace file');
  });

  it('embedJson leaves no "<" that could end the script element', () => {
    const text = embedJson({ a: '</script><!-- \u2028' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ a: '</script><!-- \u2028' });
  });

  it('a run view: cumulative payoffs per agent by round, one transcript entry per model call with its action', async () => {
    const v = await runView(run);
    expect(v.rounds).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(v.payoffs.alice!.at(-1)).toBe(v.final.payoffs.alice);
    expect(v.payoffs.bob!.at(-1)).toBe(v.final.payoffs.bob);
    const calls = v.transcript.filter((e) => e.kind === 'model-call');
    expect(calls).toHaveLength(v.totals.calls);
    expect(calls.every((e) => e.action !== undefined && e.prompt!.length > 0)).toBe(true);
    // bob is scripted: his actions are entries of their own.
    expect(v.transcript.filter((e) => e.agent === 'bob' && e.kind === 'action')).toHaveLength(10);
  });
});

describe('run view of a game with invalid answers', () => {
  it('marks each rejected answer on its own model call and the action on the call that produced it', async () => {
    const out = join(dir, 'repaired');
    // Every first answer is unreadable, every repair valid: each decision is one rejected call, then a repair.
    const fake = new ScriptedClient({ sequence: ['I would rather not say.', '"C"'], whenExhausted: 'cycle', structuredOutput: false });
    const config = validateConfig({
      game: 'prisoners-dilemma',
      params: { rounds: 3 },
      maxRepairs: 1,
      agents: [{ id: 'alice', role: 'generic-agent', policy: { model: 'default' } }, { id: 'bob', policy: { strategy: 'tit-for-tat' } }],
    });
    await runExperiment({
      config,
      out,
      games: gameRegistry,
      buildModel: (_spec, { record }) => createModelStack(fake, { recording: { onCall: record }, retry: false, pacing: false }),
    });
    const v = await runView(out);
    const calls = v.transcript.filter((e) => e.kind === 'model-call');
    const invalid = calls.filter((e) => e.invalid);
    expect(invalid).toHaveLength(3);
    expect(invalid.length).toBe(v.totals.invalid);
    for (const e of invalid) expect(e.raw).toBe('I would rather not say.');
    // A repaired turn: the rejected call, then a repair call by the same agent that carries the action.
    const repaired = calls.filter((e) => e.purpose === 'repair' && e.action !== undefined && !e.invalid);
    expect(repaired).toHaveLength(3);
  });
});
