// Malformed model files must give a LocalModelError naming the file and the problem, before llama.cpp
// sees them: some (a missing feed_forward_length or head_count) would abort the whole process.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalModelError } from '../../src/core/errors/local-model-error.js';
import { designedModelContent } from '../../src/local-models/gguf/designed-model.js';
import { writeGguf } from '../../src/local-models/gguf/gguf-writer.js';
import { makeTinyModel } from '../../src/local-models/gguf/make-tiny-model.js';
import { LlamaScorer } from '../../src/local-models/llama-scorer.js';
import { LocalModelClient } from '../../src/local-models/local-client.js';

const dir = mkdtempSync(join(tmpdir(), 'polis-bad-'));
const good = join(dir, 'good.gguf');
const files: Record<string, string> = {};

beforeAll(() => {
  makeTinyModel(good, { kind: 'designed' });
  const size = readFileSync(good).length;
  files.truncated = join(dir, 'truncated.gguf');
  copyFileSync(good, files.truncated);
  truncateSync(files.truncated, Math.floor(size * 0.8));
  files.truncatedHeader = join(dir, 'truncated-header.gguf');
  copyFileSync(good, files.truncatedHeader);
  truncateSync(files.truncatedHeader, 100);
  for (const key of ['llama.feed_forward_length', 'llama.attention.head_count', 'tokenizer.ggml.tokens']) {
    const content = designedModelContent();
    files[key] = join(dir, `no-${key}.gguf`);
    writeGguf(files[key], { ...content, metadata: content.metadata.filter(([k]) => k !== key) });
  }
  files.notGguf = join(dir, 'notes.gguf');
  writeFileSync(files.notGguf, 'this is a text file, not a model\n');
  files.missing = join(dir, 'nowhere.gguf');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases: Array<[name: string, problem: string, message: RegExp]> = [
  ['truncated', 'malformed', /truncated: tensor data needs \d+ bytes but the file has \d+/],
  ['truncatedHeader', 'malformed', /truncated header/],
  ['llama.feed_forward_length', 'malformed', /missing or non-positive required key llama\.feed_forward_length/],
  ['llama.attention.head_count', 'malformed', /llama\.attention\.head_count/],
  ['tokenizer.ggml.tokens', 'malformed', /tokenizer\.ggml\.tokens/],
  ['notGguf', 'malformed', /not a GGUF file: magic is "this"/],
  ['missing', 'not-found', /model file not found/],
];

describe('malformed model files', () => {
  it.each(cases)('%s: the client throws LocalModelError(%s) naming the file', (name, problem, message) => {
    const file = files[name]!;
    let caught: unknown;
    try {
      new LocalModelClient({ model: file });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LocalModelError);
    expect((caught as LocalModelError).problem).toBe(problem);
    expect((caught as LocalModelError).code).toBe('local_model_failed');
    expect((caught as Error).message).toContain(file);
    expect((caught as Error).message).toMatch(message);
  });

  it('the scorer rejects them too, and the process keeps working afterwards', async () => {
    for (const name of Object.keys(files)) {
      await expect(LlamaScorer.create({ model: files[name]! })).rejects.toBeInstanceOf(LocalModelError);
    }
    const scorer = await LlamaScorer.create({ model: good, parallel: 1 });
    const [res] = await scorer.score([{ prompt: 'The answer is', continuation: ' yes' }]);
    expect(res!.logprobs.length).toBeGreaterThan(0);
  });

  it('names POLIS_MODEL when no model is given', () => {
    expect(() => new LocalModelClient({ env: {} })).toThrow(/POLIS_MODEL/);
  });
});
