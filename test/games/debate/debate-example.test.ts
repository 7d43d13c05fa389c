// The shipped example runs offline through the CLI and reports the design's metrics.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';

const example = join(import.meta.dirname, '../../../examples/dialogues/debate.yaml');

describe('examples/dialogues/debate.yaml', () => {
  it('runs offline and summarises every condition of the 2×2 design', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'polis-debate-')), 'run');
    const { code, stdout, stderr } = await cli(['run', example, '--out', out, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.status).toBe('completed');
    expect(result.metrics['pairs-completed']).toBe(4);
    for (const c of ['human', 'human+personalised', 'ai', 'ai+personalised']) expect(result.metrics[`n:${c}`]).toBe(1);
    for (const c of ['human+personalised', 'ai', 'ai+personalised']) expect(result.metrics[`odds-ratio:${c}`]).toBeGreaterThan(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.metrics).toEqual(result.metrics);
  });
});
