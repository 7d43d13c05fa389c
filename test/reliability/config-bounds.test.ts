// Bad config input is refused with the file, the config path and the allowed range; never a stack trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const base = 'game: prisoners-dilemma\nagents:\n  - { id: a, policy: { model: default } }\n  - { id: b, policy: { strategy: tit-for-tat } }\n';

async function run(name: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'polis-bounds-'));
  writeFileSync(join(dir, name), text);
  return cli(['run', name, '--out', 'o', '--quiet'], dir);
}

describe('config bounds', () => {
  it.each([
    ['rounds: 1e12', 'params: { rounds: 1000000000000 }\n', /params\.rounds: expected an integer from 1 to 1000000/],
    ['non-integer rounds', 'params: { rounds: 2.5 }\n', /params\.rounds: expected an integer from 1 to 1000000/],
    ['maxRepairs: 1e9', 'maxRepairs: 1000000000\n', /maxRepairs: .*(<=|at most) ?20/],
    ['negative maxRepairs', 'maxRepairs: -1\n', /maxRepairs: .*(>=|at least) ?0/],
    ['persona age min > max', 'personas: { sampler: distribution, age: { kind: uniform, min: 60, max: 20 } }\n', /personas\.age\.max: expected max >= min/],
  ])('refuses %s naming the file, the path and the range (exit 2)', async (_name, extra, pattern) => {
    const { code, stderr } = await run('bad.yaml', base + extra);
    expect(code).toBe(2);
    expect(stderr).toContain('bad.yaml');
    expect(stderr).toMatch(pattern);
  });

  it('a TypeScript config with a syntax error is a config error naming the file and line', async () => {
    const { code, stderr } = await run('broken.ts', "export default {\n  game: 'prisoners-dilemma',\n  agents: [ { id: 'a' ,, } ]\n};\n");
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.ts: invalid configuration/);
    expect(stderr).toMatch(/line 3/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a mistake found when the run starts (the agent count) still names the file', async () => {
    const { code, stderr } = await run('few.yaml', 'game: discussion\nagents:\n  - { id: a, policy: { model: default } }\n');
    expect(code).toBe(2);
    expect(stderr).toMatch(/few\.yaml: invalid configuration/);
    expect(stderr).toMatch(/agents: game discussion takes 3 to 64 agents/);
  });
});
