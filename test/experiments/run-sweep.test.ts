import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors/config-error.js';
import { SweepChangedError } from '../../src/core/errors/sweep-changed-error.js';
import { UnpricedModelError } from '../../src/core/errors/unpriced-model-error.js';
import { defaultModelBuilder } from '../../src/engine/default-models.js';
import { loadSweep, resolveSweep } from '../../src/experiments/resolve-sweep.js';
import { runSweep } from '../../src/experiments/run-sweep.js';
import { summarize } from '../../src/experiments/stats/t-statistics.js';
import { readComparison, readResults, readResultsCsv, readSweepManifest } from '../../src/experiments/sweep-files.js';
import { wrapModel } from '../../src/models/wrappers/wrap-model.js';
import { readTrace } from '../../src/traces/trace-reader.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-sweep-'));

/** An LLM-style agent (offline model) against a scripted opponent that the conditions change. */
const base = {
  game: 'prisoners-dilemma',
  params: { rounds: 4 },
  agents: [
    { id: 'alice', role: 'generic-agent', policy: { model: 'default' } },
    { id: 'bob', policy: { strategy: 'tit-for-tat' } },
  ],
};
const twoConditions = {
  name: 'pd',
  base,
  seeds: 3,
  conditions: [
    { name: 'tft', set: {} },
    { name: 'defector', set: { 'agents[1].policy.strategy': 'defector' } },
  ],
};

describe('runSweep', () => {
  it('runs every cell as a run directory and writes the sweep files of agreement 5', async () => {
    const out = tmp();
    const sweep = await resolveSweep(twoConditions);
    const result = await runSweep({ sweep, out, concurrency: 2 });
    expect(result.status).toBe('completed');
    expect(result.counts.ran).toBe(6);

    const manifest = readSweepManifest(out)!;
    expect(manifest).toMatchObject({ version: 1, name: 'pd', seeds: [1, 2, 3], conditions: [{ name: 'tft', set: {} }, { name: 'defector' }] });
    expect(manifest.base.game).toBe('prisoners-dilemma');
    expect(manifest.cells.map((c) => c.dir)).toEqual(['tft/seed-1', 'tft/seed-2', 'tft/seed-3', 'defector/seed-1', 'defector/seed-2', 'defector/seed-3']);
    for (const cell of manifest.cells) {
      expect(existsSync(join(out, cell.dir, 'trace.jsonl'))).toBe(true);
      const summary = JSON.parse(readFileSync(join(out, cell.dir, 'summary.json'), 'utf8'));
      expect(summary.seed).toBe(cell.seed);
    }
    const header = JSON.parse(readFileSync(join(out, 'defector/seed-2/trace.jsonl'), 'utf8').split('\n')[0]!);
    expect(header.config.seed).toBe(2);
    expect(header.config.agents[1].policy.strategy).toBe('defector');

    const rows = readResults(out)!;
    expect(rows.map((r) => [r.condition, r.seed, r.status])).toEqual(manifest.cells.map((c) => [c.condition, c.seed, 'completed']));
    expect(rows.every((r) => r.calls === 4 && r.inputTokens > 0)).toBe(true);
    const csv = readFileSync(join(out, 'results.csv'), 'utf8').split('\n');
    const columns = csv[0]!.split(',');
    expect(columns.slice(0, 3)).toEqual(['condition', 'seed', 'status']);
    expect(columns.slice(-6)).toEqual(['calls', 'input_tokens', 'output_tokens', 'cost_usd', 'wall_ms', 'error']);
    expect(columns.slice(3, -6)).toEqual(Object.keys(rows[0]!.metrics));
    expect(readResultsCsv(out)!.map((r) => r.metrics)).toEqual(rows.map((r) => r.metrics));

    // The comparison is the statistics of the rows' own numbers.
    const comparison = readComparison(out)!;
    expect(comparison).toEqual(result.comparison);
    expect(comparison.interval).toMatch(/Student t/);
    expect(comparison.paired).toMatch(/paired t-test/);
    const metric = Object.keys(rows[0]!.metrics).find((m) => rows.some((r) => r.metrics[m] !== rows[0]!.metrics[m]))!;
    const values = (c: string) => rows.filter((r) => r.condition === c).map((r) => r.metrics[metric]!);
    expect(comparison.metrics[metric]!.byCondition.tft).toEqual(summarize(values('tft')));
    const diff = comparison.metrics[metric]!.differences[0]!;
    expect(diff).toMatchObject({ a: 'tft', b: 'defector', n: 3 });
    expect(diff.mean).toBeCloseTo(values('defector').reduce((s, v, i) => s + v - values('tft')[i]!, 0) / 3, 10);
  });

  it('skips finished cells on a rerun and refuses a changed config unless forced', async () => {
    const out = tmp();
    const sweep = await resolveSweep(twoConditions);
    await runSweep({ sweep, out });
    const before = readFileSync(join(out, 'results.jsonl'), 'utf8');
    const again = await runSweep({ sweep, out });
    expect(again.counts).toMatchObject({ skipped: 6, ran: 0 });
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8')).toBe(before);

    // More seeds under the same config: only the new cells run.
    const more = await runSweep({ sweep: await resolveSweep({ ...twoConditions, seeds: 4 }), out });
    expect(more.counts).toMatchObject({ skipped: 6, ran: 2 });

    const changed = await resolveSweep({ ...twoConditions, seeds: 4, conditions: [twoConditions.conditions[0]!, { name: 'defector', set: { 'agents[1].policy.strategy': 'grudger' } }] });
    const refusal = await runSweep({ sweep: changed, out }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SweepChangedError);
    expect((refusal as Error).message).toContain('condition "defector": set {"agents[1].policy.strategy":"defector"} -> {"agents[1].policy.strategy":"grudger"}');
    expect(readSweepManifest(out)!.hash).toBe(sweep.hash);

    const forced = await runSweep({ sweep: changed, out, force: true });
    expect(forced.counts).toMatchObject({ skipped: 4, replaced: 4 });
    expect(readdirSync(join(out, 'defector/seed-1')).sort()).toEqual(['summary.attempt-1.json', 'summary.json', 'trace.attempt-1.jsonl', 'trace.jsonl']);
  });

  it('resumes an interrupted cell from its checkpoint and retries a failed one with its recorded calls', async () => {
    const out = tmp();
    const sweep = await resolveSweep({ ...twoConditions, seeds: [5] });
    await runSweep({ sweep, out });
    // A crash mid-run: no summary, and the trace cut after its third checkpoint.
    const cut = join(out, 'tft/seed-5');
    const lines = readFileSync(join(cut, 'trace.jsonl'), 'utf8').split('\n');
    const third = lines.findIndex((l, i) => l.includes('"type":"checkpoint"') && lines.slice(0, i + 1).filter((x) => x.includes('"type":"checkpoint"')).length === 3);
    writeFileSync(join(cut, 'trace.jsonl'), `${lines.slice(0, third + 2).join('\n')}\n`);
    writeFileSync(join(out, 'defector/seed-5/summary.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(out, 'defector/seed-5/summary.json'), 'utf8')), status: 'failed', reason: 'provider down' }));
    const completed = readResults(out)!;
    const { rmSync } = await import('node:fs');
    rmSync(join(cut, 'summary.json'));

    let liveCalls = 0;
    const again = await runSweep({
      sweep,
      out,
      modelBuilder: (shared) => {
        const builder = defaultModelBuilder({ shared });
        return (spec, context) => {
          const client = builder(spec, context);
          return wrapModel(client, (request) => {
            liveCalls++;
            return client.generate(request);
          });
        };
      },
    });
    expect(again.counts).toMatchObject({ resumed: 1, retried: 1 });
    expect(again.status).toBe('completed');
    // Resume serves the recorded calls after the checkpoint; the retry serves all four recorded calls.
    expect(JSON.parse(readFileSync(join(out, 'defector/seed-5/summary.json'), 'utf8')).replayed).toBe(4);
    expect(liveCalls).toBeLessThan(8);
    expect(readResults(out)!.map((r) => r.metrics)).toEqual(completed.map((r) => r.metrics));
  });

  it('stops at the sweep budget, leaves the rest to do, and finishes on a rerun with a larger budget', async () => {
    const out = tmp();
    const small = await resolveSweep({ ...twoConditions, budget: { tokens: 600 } });
    const first = await runSweep({ sweep: small, out, concurrency: 1 });
    expect(first.status).toBe('stopped');
    expect(first.reason).toMatch(/sweep tokens budget/);
    const rows = readResults(out)!;
    expect(rows.some((r) => r.status === 'pending' || r.error?.startsWith('sweep '))).toBe(true);
    const spent = rows.reduce((s, r) => s + r.inputTokens + r.outputTokens, 0);
    // A call that starts under the limit may cross it (by at most its own tokens); none starts over it.
    let largestCall = 0;
    for (const r of rows) {
      const file = join(out, r.dir, 'trace.jsonl');
      if (!existsSync(file)) continue;
      for (const e of (await readTrace(file)).events) if (e.type === 'model-call') largestCall = Math.max(largestCall, e.usage.inputTokens + e.usage.outputTokens);
    }
    expect(spent).toBeLessThan(600 + largestCall);

    const same = await runSweep({ sweep: small, out, concurrency: 1 });
    expect(same.counts.ran + same.counts.retried).toBe(0);

    const large = await runSweep({ sweep: await resolveSweep({ ...twoConditions, budget: { tokens: 1_000_000 } }), out });
    expect(large.status).toBe('completed');
    expect(readResults(out)!.every((r) => r.status === 'completed')).toBe(true);
  });

  it('refuses a sweep dollar budget over a model without a price, before anything runs', async () => {
    const out = tmp();
    const sweep = await resolveSweep({ ...twoConditions, base: { ...base, models: { default: 'openai-compatible:my-model@http://127.0.0.1:9/v1' } }, budget: { dollars: 1 } });
    const error = await runSweep({ sweep, out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnpricedModelError);
    expect((error as Error).message).toMatch(/openai-compatible:my-model has no price.*models: \{ prices: \{ "openai-compatible:my-model"/s);
    expect(existsSync(join(out, 'tft'))).toBe(false);
  });

  it('names the sweep file and the condition in config errors', async () => {
    const dir = tmp();
    const file = join(dir, 'sweep.yaml');
    writeFileSync(join(dir, 'base.yaml'), 'game: prisoners-dilemma\nparams: { rounds: 3 }\nagents:\n  - policy: { strategy: tit-for-tat }\n  - policy: { strategy: defector }\n');
    const write = (conditions: string) => writeFileSync(file, `base: base.yaml\nseeds: 2\nconditions:\n${conditions}`);
    write('  - name: far\n    set: { "agents[4].policy.strategy": grudger }\n');
    await expect(loadSweep(file)).rejects.toThrow(/sweep\.yaml: invalid configuration\n  conditions\[0\] \(far\)\.set\["agents\[4\]\.policy\.strategy"\]: agents has 2 entries/);
    write('  - name: typo\n    set: { params.rounds: -1 }\n');
    await expect(loadSweep(file)).rejects.toThrow(/conditions\[0\] \(typo\): params\.rounds: /);
    write('  - name: bad/name\n');
    await expect(loadSweep(file)).rejects.toThrow(/conditions\[0\]\.name: letters, digits/);
    write('  - name: a\n  - name: a\n');
    await expect(loadSweep(file)).rejects.toThrow(/condition names must be distinct/);
    write('  - name: s\n    set: { seed: 3 }\n');
    await expect(loadSweep(file)).rejects.toBeInstanceOf(ConfigError);
    writeFileSync(file, 'base: { game: prisoners-dilemma, agents: [ { policy: { stratgy: x } } ] }\nseeds: 2\n');
    await expect(loadSweep(file)).rejects.toThrow(/base\.agents\[0\]\.policy/);
  });

  it('loads a TypeScript sweep written with defineSweep, with the base inline', async () => {
    const dir = tmp();
    const file = join(dir, 'sweep.ts');
    const api = join(import.meta.dirname, '../../src/experiments/sweep-config.ts');
    writeFileSync(file, `import { defineSweep } from ${JSON.stringify(api)};\nexport default defineSweep(${JSON.stringify({ ...twoConditions, seeds: [4, 9] })});\n`);
    const sweep = await loadSweep(file);
    expect(sweep.cells.map((c) => c.dir)).toEqual(['tft/seed-4', 'tft/seed-9', 'defector/seed-4', 'defector/seed-9']);
    expect(sweep.hash).toBe((await resolveSweep(twoConditions)).hash);
  });

  it('shares one cache across cells but keeps seeds apart', async () => {
    const out = tmp();
    const cache = join(tmp(), 'cache');
    const sweep = await resolveSweep({ ...twoConditions, base: { ...base, models: { cache } } });
    await runSweep({ sweep, out });
    const rows = readResults(out)!;
    // Both conditions of a seed ask alice the same first question: one of them is answered by the
    // shared cache (a hit, or the other cell's call in flight).
    let reused = 0;
    for (const r of rows) for (const e of (await readTrace(join(out, r.dir, 'trace.jsonl'))).events) if (e.type === 'model-call' && e.cache !== 'miss') reused++;
    expect(reused).toBeGreaterThanOrEqual(3);
    // Seeds never share an answer: with the cache the sweep gives what it gives without one.
    const plain = await runSweep({ sweep: await resolveSweep(twoConditions), out: tmp() });
    expect(rows.map((r) => r.metrics)).toEqual(plain.rows.map((r) => r.metrics));
  });
});
