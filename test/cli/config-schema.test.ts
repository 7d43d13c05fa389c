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
