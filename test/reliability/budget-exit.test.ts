// A budget stop is not a success: `polis run` exits 3 (EXIT.budget) and says why.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('budget stops', () => {
  it('polis run exits 3 when a token budget stops the run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-budget-'));
    const file = join(dir, 'run.yaml');
    writeFileSync(file, 'game: prisoners-dilemma\nparams: { rounds: 10 }\nbudget: { tokens: 300 }\nagents:\n  - { id: a, policy: { model: default } }\n  - { id: b, policy: { model: default } }\n');
    const { code, stdout } = await cli(['run', file, '--out', join(dir, 'o'), '--quiet']);
    expect(stdout).toMatch(/^stopped \(tokens budget exceeded/);
    expect(code).toBe(3);
  });
});
