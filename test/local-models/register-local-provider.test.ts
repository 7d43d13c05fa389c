import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalModelError } from '../../src/core/errors/local-model-error.js';
import { makeTinyModel } from '../../src/local-models/gguf/make-tiny-model.js';
import { LocalModelClient } from '../../src/local-models/local-client.js';
import '../../src/local-models/register-local-provider.js';
import { acceptedModelSpecs, createModel } from '../../src/models/create-model.js';

const dir = mkdtempSync(join(tmpdir(), 'polis-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local: model spec', () => {
  it('builds a LocalModelClient for local:<file.gguf>', () => {
    const file = join(dir, 'm.gguf');
    makeTinyModel(file, { kind: 'designed' });
    const client = createModel(`local:${file}`, { providerOptions: { local: { threads: 1, sequences: 2 } } });
    expect(client).toBeInstanceOf(LocalModelClient);
    expect(client.provider).toBe('local');
    expect(client.modelId).toBe('m.gguf');
    expect(acceptedModelSpecs()).toContain('local:<file.gguf>');
  });

  it('reads POLIS_MODEL for local:$POLIS_MODEL and names a missing file', () => {
    const missing = join(dir, 'absent.gguf');
    const before = process.env.POLIS_MODEL;
    process.env.POLIS_MODEL = missing;
    try {
      expect(() => createModel('local:$POLIS_MODEL')).toThrow(LocalModelError);
      expect(() => createModel('local:$POLIS_MODEL')).toThrow(missing);
    } finally {
      if (before === undefined) delete process.env.POLIS_MODEL;
      else process.env.POLIS_MODEL = before;
    }
  });
});
