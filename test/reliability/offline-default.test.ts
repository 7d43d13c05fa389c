// The offline default model (`scripted:random`, what a config gets with no key) answers every built-in
// role's protocol validly, and a run whose actions were mostly defaulted ends `degraded` (exit 4).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { defaultModelBuilder } from '../../src/engine/default-models.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { gameRegistry } from '../../src/games/registry.js';
import { registerProvider } from '../../src/models/create-model.js';
import { ScriptedClient } from '../../src/models/scripted/scripted-client.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { cli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-offline-'));

/** Parameters for games that have required ones; every other game runs on its defaults. */
const required: Record<string, Record<string, unknown>> = {
  matrix: { catalogue: 1 },
  debate: { scale: 5, pairs: [{ topic: 'Should every school require uniforms?', side: 'pro', opponent: 'ai', personalised: false, participant: { age: 30, gender: 'female', ethnicity: 'Asian', education: 'college', employment: 'employed', politicalAffiliation: 'independent' } }] },
  susceptibility: { claim: 'A four-day work week makes office workers more productive.', turns: 2, scale: 5 },
};

describe('the offline default model', () => {
  const games = [...gameRegistry.keys()];
  it('covers every built-in game', () => expect(games.length).toBeGreaterThanOrEqual(20));

  it.each(games)('answers every role of %s validly: nothing unparsable, illegal or defaulted', async (name) => {
    const def = gameRegistry.get(name)!;
    const params = def.params.parse(required[name] ?? {}) as never;
    const { min, max } = def.agentCount(params);
    const n = Math.min(Math.max(min, 2), max);
    // No `models` key: the no-key default.
    const config = validateConfig({ game: name, params: required[name] ?? {}, agents: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, policy: { model: 'default' } })) });
    expect(config.models.default).toBe('scripted:random');
    const result = await runExperiment({ config, out: join(tmp(), 'run'), games: gameRegistry, buildModel: defaultModelBuilder() });
    expect(result.status).toBe('completed');
    expect(result.usage.calls).toBeGreaterThan(0);
    expect(result.invalid).toMatchObject({ unparsable: 0, illegal: 0, refused: 0, defaulted: 0 });
  }, 60_000);
});

describe('degraded runs', () => {
  registerProvider('mumbler', () => new ScriptedClient({ fallback: 'hmm, let me think about it', structuredOutput: false }));
  const write = (dir: string, extra = '') => {
    const file = join(dir, 'run.yaml');
    writeFileSync(file, `game: prisoners-dilemma\nparams: { rounds: 4 }\nmaxRepairs: 0\n${extra}agents:\n  - { id: a, policy: { model: 'mumbler:x' } }\n  - { id: b, policy: { strategy: tit-for-tat } }\n`);
    return file;
  };

  it('a run with more than maxDefaultedShare of its actions defaulted ends degraded, warns and exits 4', async () => {
    const dir = tmp();
    // Alice's 4 actions are defaulted, tit-for-tat's 4 are not: half of the run's 8.
    const { code, stdout, stderr } = await cli(['run', write(dir, 'maxDefaultedShare: 0.25\n'), '--out', join(dir, 'o'), '--quiet']);
    expect(code).toBe(4);
    expect(stdout).toMatch(/^degraded \(4 of 8 actions were defaulted/);
    expect(stderr).toMatch(/warning: degraded run: 4 of 8 actions were defaulted \(more than maxDefaultedShare 0\.25\)/);
    const summary = JSON.parse(readFileSync(join(dir, 'o', 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ status: 'degraded', invalid: { defaulted: 4 } });
    const trace = await readTrace(join(dir, 'o', 'trace.jsonl'));
    expect(trace.events.at(-1)).toMatchObject({ type: 'run-end', status: 'degraded' });
  });

  it('maxDefaultedShare is configurable', async () => {
    const dir = tmp();
    // Exactly half is not more than the default share 0.5.
    expect((await cli(['run', write(dir), '--out', join(dir, 'd'), '--quiet'])).code).toBe(0);
    expect((await cli(['run', write(dir, 'maxDefaultedShare: 0.25\n'), '--out', join(dir, 'o'), '--quiet', '--set', 'maxDefaultedShare=0.6'])).code).toBe(0);
    const bad = await cli(['run', write(dir, 'maxDefaultedShare: 1.5\n'), '--out', join(dir, 'p'), '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/maxDefaultedShare/);
  });
});
