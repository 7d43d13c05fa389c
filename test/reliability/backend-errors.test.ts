// Whatever a model backend does wrong (throws at once, rejects with any error), the run ends as a
// classified model-call failure with a run-end event and a summary, never an escaping exception.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { runExperiment, type ModelBuilder } from '../../src/engine/experiment.js';
import type { ModelClient } from '../../src/models/model.js';
import { createModelStack } from '../../src/models/wrappers/create-model-stack.js';
import { readTrace } from '../../src/traces/trace-reader.js';

const config = validateConfig({ game: 'prisoners-dilemma', params: { rounds: 3 }, seed: 1, agents: [{ id: 'ann' }, { id: 'ben' }] });

function broken(generate: ModelClient['generate']): ModelBuilder {
  return (_spec, { record }) =>
    createModelStack(
      { specificationVersion: 'v1', provider: 'broken', modelId: 'nan-weights', capabilities: { structuredOutput: false, logprobs: false, seed: false }, generate },
      { recording: { onCall: record }, retry: false },
    );
}

describe('a failing backend', () => {
  it.each<[string, ModelClient['generate']]>([
    ['throws synchronously', () => {
      throw new RangeError('tensor has NaN values');
    }],
    ['rejects with a plain Error', () => Promise.reject(new Error('llama_decode failed: -3'))],
    ['rejects with a non-Error value', () => Promise.reject('inf logits')],
  ])('that %s ends the run as a classified model-call error with a run-end and a summary', async (_name, generate) => {
    const out = join(mkdtempSync(join(tmpdir(), 'polis-backend-')), 'run');
    const result = await runExperiment({ config, out, buildModel: broken(generate) });
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/^\[model_call_failed\] broken:nan-weights call failed/);
    const { events } = await readTrace(join(out, 'trace.jsonl'));
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'failed' });
    expect(events.find((e) => e.type === 'model-call')).toMatchObject({ error: { code: 'model_call_failed' } });
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ status: 'failed' });
  });
});
