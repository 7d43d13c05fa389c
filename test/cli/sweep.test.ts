import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { readComparison, readResults } from '../../src/experiments/sweep-files.js';
import { cli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-cli-sweep-'));
const examples = join(import.meta.dirname, '../../examples');
const pdSweep = join(examples, 'sweeps/prisoners-dilemma.sweep.yaml');
const donorSweep = join(examples, 'sweeps/donor-punishment.sweep.yaml');

describe('polis sweep', () => {
  it('runs the prisoner\'s dilemma example offline, prints the comparison, and skips everything on a rerun', async () => {
    const out = join(tmp(), 'pd');
    const first = await cli(['sweep', pdSweep, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^completed: 15 cells \(15 completed\); this run: 15 ran/);
    expect(first.stdout).toContain('paired t-test');
    expect(first.stdout).toMatch(/cooperation-rate\n.*\n  tit-for-tat +5 /);
    expect(first.stdout).toMatch(/defector - tit-for-tat +5 /);
    // Plain progress lines (not a TTY): one per cell, with the count and the usage so far.
    expect(first.stderr.split('\n').filter((l) => /^\w[\w-]*\/seed-\d: completed \| cells \d+\/15 \| running \d+ \| ETA \S+ \| calls \d+ \| tokens \d+ \| \$0\.0000$/.test(l))).toHaveLength(15);
    expect(readResults(out)).toHaveLength(15);
    expect(readComparison(out)!.conditions).toEqual(['tit-for-tat', 'grudger', 'defector']);

    const again = await cli(['sweep', pdSweep, '--out', out, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'completed', cells: 15, counts: { skipped: 15, ran: 0 } });
  });

  it('runs the donor-game example (punishment on and off, five seeds)', async () => {
    const out = join(tmp(), 'donor');
    const r = await cli(['sweep', donorSweep, '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    const rows = readResults(out)!;
    expect(rows.map((x) => `${x.condition}/${x.seed}`)).toEqual([1, 2, 3, 4, 5].map((s) => `no-punishment/${s}`).concat([1, 2, 3, 4, 5].map((s) => `punishment/${s}`)));
    expect(rows.filter((x) => x.condition === 'no-punishment').every((x) => x.metrics.punishments === 0)).toBe(true);
    expect(readComparison(out)!.metrics['average-final-resources']!.differences[0]).toMatchObject({ a: 'no-punishment', b: 'punishment', n: 5 });
  }, 60_000);

  it('refuses a changed sweep config under the same directory (exit 2) unless --force', async () => {
    const dir = tmp();
    const file = join(dir, 'sweep.yaml');
    const write = (rounds: number) => writeFileSync(file, `base: { game: prisoners-dilemma, params: { rounds: ${rounds} }, agents: [ { policy: { strategy: tit-for-tat } }, { policy: { strategy: random } } ] }\nseeds: 2\n`);
    write(3);
    expect((await cli(['sweep', file, '--out', join(dir, 'out'), '--quiet'])).code).toBe(0);
    write(4);
    const refused = await cli(['sweep', file, '--out', join(dir, 'out'), '--quiet']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('holds a sweep run with another config');
    expect(refused.stderr).toContain('base params.rounds: 3 -> 4');
    expect(refused.stderr).toContain('--force');
    const forced = await cli(['sweep', file, '--out', join(dir, 'out'), '--force', '--json']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).counts).toMatchObject({ replaced: 2 });
  });

  it('names the sweep file in a config error a condition brings (an unknown model spec in its overrides)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-sweep-bad-'));
    const file = join(dir, 'bad.sweep.yaml');
    writeFileSync(file, `base: ${join(examples, 'quickstart', 'prisoners-dilemma.yaml')}\nseeds: 2\nconditions:\n  - name: nomodel\n    set: { models.default: "nosuch:model" }\n`);
    const r = await cli(['sweep', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: invalid configuration`);
    expect(r.stderr).toMatch(/unknown model spec 'nosuch:model'/);
  });

  it('exits 3 when the sweep budget stops it', async () => {
    const dir = tmp();
    const file = join(dir, 'sweep.yaml');
    writeFileSync(file, `base: ${JSON.stringify(join(examples, 'quickstart/prisoners-dilemma.yaml'))}\nseeds: 4\nbudget: { tokens: 1500 }\n`);
    const r = await cli(['sweep', file, '--out', join(dir, 'out'), '--concurrency', '1']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^stopped \(sweep tokens budget/);
  });

  it('--dry-run counts the calls a sweep will make without running it, and refuses an unpriced dollar budget', async () => {
    const dir = tmp();
    const dry = await cli(['sweep', pdSweep, '--out', join(dir, 'pd'), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/15 cells \(3 conditions x 5 seeds\), 150 model calls/);
    expect(dry.stdout).toMatch(/scripted:random +150 /);
    expect(existsSync(join(dir, 'pd'))).toBe(false);
    // The count is the real one: the sweep itself makes that many calls.
    await cli(['sweep', pdSweep, '--out', join(dir, 'pd'), '--quiet']);
    expect(readResults(join(dir, 'pd'))!.reduce((s, r) => s + r.calls, 0)).toBe(150);

    const file = join(dir, 'paid.yaml');
    writeFileSync(file, `base: ${JSON.stringify(join(examples, 'quickstart/prisoners-dilemma.yaml'))}\nseeds: 2\nconditions:\n  - name: big\n    set: { models.default: "openai:gpt-4o" }\n  - name: house\n    set: { models.default: "openai-compatible:house-model@http://127.0.0.1:9/v1" }\nbudget: { dollars: 5 }\n`);
    const paid = await cli(['sweep', file, '--out', join(dir, 'paid'), '--dry-run']);
    expect(paid.stdout).toMatch(/openai:gpt-4o +20 +\d+ +\d+ +\$0\.\d{4}/);
    expect(paid.stdout).toMatch(/openai-compatible:house-model +20 .* no price/);
    expect(paid.code).toBe(2);
    expect(paid.stderr).toMatch(/dollar budget \(\$5\) but model openai-compatible:house-model has no price.*models: \{ prices:/s);
    const start = await cli(['sweep', file, '--out', join(dir, 'paid')]);
    expect(start.code).toBe(2);
    expect(existsSync(join(dir, 'paid', 'big'))).toBe(false);
  });

  it('draws one redrawn status line on a terminal', async () => {
    let err = '';
    const io = { stdout: () => {}, stderr: (t: string) => void (err += t), isTty: true, env: {}, cwd: process.cwd() };
    const code = await runCli(['sweep', pdSweep, '--out', join(tmp(), 'tty')], io);
    expect(code).toBe(0);
    expect(err).toContain('\u001B['); // cursor movement and line erasing by log-update
    // eslint-disable-next-line no-control-regex
    const lines = err.replace(/\u001B\[[\d;?]*[A-Za-z]/g, '').trim().split('\n');
    expect(lines.at(-1)).toMatch(/^cells 15\/15 \| running 0 \| ETA 0s \| calls 150 \| tokens \d+ \| \$0\.0000$/);
  });
});

describe('polis run --dry-run', () => {
  it('prints the calls and tokens the run will make, and its cost at the model\'s price, calling nothing', async () => {
    const quickstart = join(examples, 'quickstart/prisoners-dilemma.yaml');
    const out = join(tmp(), 'run');
    const dry = await cli(['run', quickstart, '--out', out, '--dry-run', '--json', '--set', 'models.default=openai:gpt-4o-mini']);
    expect(dry.code).toBe(0);
    const estimate = JSON.parse(dry.stdout);
    expect(estimate).toMatchObject({ rounds: 10, calls: 10, models: [{ model: 'openai:gpt-4o-mini', calls: 10 }] });
    // gpt-4o-mini: $0.15 input and $0.60 output per million tokens.
    const m = estimate.models[0];
    expect(m.costUsd).toBeCloseTo((m.inputTokens * 0.15 + m.outputTokens * 0.6) / 1e6, 12);
    expect(existsSync(out)).toBe(false);
    // The input tokens are the rendered prompts': the real (offline) run reports the same.
    await cli(['run', quickstart, '--out', out, '--quiet']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.usage.calls).toBe(10);
    expect(summary.usage.inputTokens).toBe(m.inputTokens);
  });

  it('refuses a dollar budget over a model without a price, with or without --dry-run (exit 2)', async () => {
    const quickstart = join(examples, 'quickstart/prisoners-dilemma.yaml');
    for (const extra of [['--dry-run'], []]) {
      const r = await cli(['run', quickstart, '--out', join(tmp(), 'r'), '--set', 'models.default=anthropic:claude-next', '--set', 'budget.dollars=3', ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/dollar budget \(\$3\) but model anthropic:claude-next has no price.*models: \{ prices: \{ "anthropic:claude-next"/s);
    }
  });
});
