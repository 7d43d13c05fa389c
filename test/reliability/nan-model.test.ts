// A local GGUF whose weights are NaN or Inf (written by the project's own GGUF writer) ends the run as a
// classified model-call error with a run-end and a summary. (Regression guard: this in-process path already
// failed cleanly before withClassifiedErrors; the unhandled rejection of the issue was not reproduced here.)
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { prepareProviders } from '../../src/engine/default-models.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { buildSpmVocab } from '../../src/local-models/gguf/spm-vocab.js';
import { DESIGNED_SIZES } from '../../src/local-models/gguf/designed-model.js';
import { llamaGgufContent } from '../../src/local-models/gguf/llama-gguf-content.js';
import { writeGguf } from '../../src/local-models/gguf/gguf-writer.js';
import { readTrace } from '../../src/traces/trace-reader.js';

describe('a local model with non-finite weights', () => {
  it.each([['NaN', Number.NaN], ['Inf', Number.POSITIVE_INFINITY]])('%s weights: a failed run with a run-end and a summary', async (_name, value) => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-nan-'));
    const file = join(dir, 'broken.gguf');
    const sizes = DESIGNED_SIZES;
    writeGguf(file, llamaGgufContent({ sizes, vocab: buildSpmVocab(), type: 'f32', name: 'broken', weights: (_n, dims) => new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(value) }));
    const spec = `local:${file}`;
    await prepareProviders([spec]);
    const config = validateConfig({ game: 'prisoners-dilemma', params: { rounds: 2 }, seed: 1, models: { default: spec }, agents: [{ id: 'ann' }, { id: 'ben' }] });
    const out = join(dir, 'run');
    const result = await runExperiment({ config, out });
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/^\[(model_call_failed|local_model_failed)\]/);
    const { events } = await readTrace(join(out, 'trace.jsonl'));
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'failed' });
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  }, 120_000);
});
