// `polis judge` and `polis judge probe`.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { capture } from '../helpers/cli.js';

const GOLDEN = new URL('../fixtures/traces/golden-v1.jsonl', import.meta.url).pathname;

describe('polis judge probe', () => {
  it('reports the false-positive rate per key of an always-YES judge (exit 0)', async () => {
    const c = capture(tmpdir());
    expect(await runCli(['judge', 'probe', '--judge', 'always-yes', '--json'], c)).toBe(0);
    const report = JSON.parse(c.out);
    expect(report.falsePositiveRate).toBe(1);
    expect(report.perKey.map((k: { key: string }) => k.key)).toContain('Thought process:');
  });

  it('the guard brings it to 0', async () => {
    const c = capture(tmpdir());
    expect(await runCli(['judge', 'probe', '--judge', 'always-yes', '--guard', '--json'], c)).toBe(0);
    expect(JSON.parse(c.out)).toMatchObject({ falsePositiveRate: 0, calls: 0 });
  });

  it('rule verifier in plain text', async () => {
    const c = capture(tmpdir());
    expect(await runCli(['judge', 'probe', '--judge', 'rule'], c)).toBe(0);
    expect(c.out).toMatch(/false-positive rate 0\.0%/);
  });

  it('an unknown judge model is a usage error (exit 2)', async () => {
    const c = capture(tmpdir());
    expect(await runCli(['judge', 'probe', '--judge', 'oracle'], c)).toBe(2);
    expect(c.err).toMatch(/--judge: unknown judge model 'oracle'/);
  });
});

describe('polis judge <trace>', () => {
  it('writes <trace dir>/judged.jsonl and prints a JSON summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-cli-judge-'));
    copyFileSync(GOLDEN, join(dir, 'trace.jsonl'));
    writeFileSync(
      join(dir, 'judge.yaml'),
      ['judges:', '  - kind: reference', '    name: verify', '    model: always-yes', '    question: How many tons?', '    reference: "6"', '    reward: {}'].join('\n'),
    );
    const c = capture(dir);
    expect(await runCli(['judge', 'trace.jsonl', '--config', 'judge.yaml', '--json'], c)).toBe(0);
    const summary = JSON.parse(c.out);
    expect(summary).toMatchObject({ out: join(dir, 'judged.jsonl'), judgeScores: 1, rewards: 1, calls: 1 });
    expect(summary.usage.calls).toBe(1);
    const judged = await readTrace(join(dir, 'judged.jsonl'));
    expect(judged.header.parent).toEqual({ runId: 'golden-v1-run', relation: 'judged' });
    expect(judged.events.at(-1)).toMatchObject({ type: 'reward', name: 'verify', agent: 'alice', value: 1 });
  });

  it('a bad config exits 2 naming the file and path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-cli-judge-'));
    copyFileSync(GOLDEN, join(dir, 'trace.jsonl'));
    writeFileSync(join(dir, 'judge.yaml'), 'judges: []\n');
    const c = capture(dir);
    expect(await runCli(['judge', 'run', 'trace.jsonl', '--config', 'judge.yaml'], c)).toBe(2);
    expect(c.err).toMatch(/judge\.yaml: invalid configuration\n\s+judges:/);
  });

  it('a missing trace exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-cli-judge-'));
    writeFileSync(join(dir, 'judge.yaml'), 'judges:\n  - { kind: rule, name: r, reference: "1" }\n');
    const c = capture(dir);
    expect(await runCli(['judge', 'nope.jsonl', '--config', 'judge.yaml'], c)).toBe(1);
    expect(c.err).toMatch(/no such trace file/);
  });
});
