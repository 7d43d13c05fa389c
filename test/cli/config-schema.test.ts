import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/cli/commands/config.js';

describe('config JSON Schema', () => {
  it('is committed for editors and matches the zod schema', () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '../../schema/polis-config.schema.json'), 'utf8'));
    expect(committed).toEqual(configJsonSchema());
    expect(committed.required).toEqual(expect.arrayContaining(['game', 'agents']));
  });
});

describe('sweep config JSON Schema', () => {
  it('is committed for editors and matches the zod schema', async () => {
    const { sweepJsonSchema } = await import('../../src/cli/commands/config.js');
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '../../schema/polis-sweep.schema.json'), 'utf8'));
    expect(committed).toEqual(sweepJsonSchema());
    expect(committed.required).toEqual(expect.arrayContaining(['base', 'seeds']));
    expect(JSON.stringify(committed.properties.base)).toContain('"game"');
  });
});
