// The README's offline llama.cpp quickstart: a generated GGUF plays the quickstart through the local provider.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const quickstart = join(import.meta.dirname, '../../examples/quickstart/prisoners-dilemma.yaml');

describe('polis run --model local:<generated gguf>', () => {
  it('plays the quickstart through node-llama-cpp with schema-constrained answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-local-run-'));
    expect((await cli(['model', 'make-tiny', 'tiny.gguf', '--random'], dir)).code).toBe(0);
    const { code, stdout, stderr } = await cli(['run', quickstart, '--model', `local:${join(dir, 'tiny.gguf')}`, '--out', 'run', '--json'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ status: 'completed', rounds: 10, usage: { calls: 10 } });
    // constrained generation: every answer parsed, none defaulted
    expect(result.metrics['invalid.defaulted']).toBe(0);
    const header = JSON.parse(readFileSync(join(dir, 'run', 'trace.jsonl'), 'utf8').split('\n')[0]!);
    expect(header.models.alice).toMatchObject({ provider: 'local', modelId: expect.stringContaining('tiny.gguf') });
  });
});
