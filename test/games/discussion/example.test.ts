// The offline example runs through the CLI and reports the discussion's metrics in its summary.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';

describe('examples/dialogues/discussion.yaml', () => {
  it('runs offline and reports rewards, accuracy and score sources', async () => {
    const file = join(import.meta.dirname, '../../../examples/dialogues/discussion.yaml');
    const out = join(mkdtempSync(join(tmpdir(), 'polis-discussion-')), 'run');
    const { code, stdout, stderr } = await cli(['run', file, '--out', out, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).status).toBe('completed');
    const { metrics } = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    // 3 problems × 2 rounds × 4 solutions
    expect(metrics.interactions).toBe(24);
    expect(metrics['score.tag'] + metrics['score.fallback'] + metrics['score.default'] + metrics['scorer.failures']).toBe(24);
    // the three calculators always tag their scores; the random-words model never writes a tag
    expect(metrics['score.tag']).toBe(18);
    for (const key of ['reward.solver.mean', 'reward.evaluator.mean']) expect(metrics[key]).toBeGreaterThanOrEqual(0);
    expect(metrics['reward.solver.mean'] + metrics['reward.evaluator.mean']).toBeCloseTo(1 - metrics['scorer.failures'] / 24, 12);
    expect(metrics.accuracy).toBeGreaterThan(0);
    expect(metrics.accuracy).toBe(metrics['accuracy.round2']);
    expect(metrics['agent.exact.solver']).toBeGreaterThan(0);
  });
});
