// The run configs the README shows are valid configs: a key renamed or a bound changed must fail here,
// not in a reader's terminal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateConfig } from '../../src/engine/config/load-config.js';

describe("the README's run configs", () => {
  it('validate', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const configs = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as Record<string, unknown>).filter((c) => c?.game && c.agents);
    expect(configs.length).toBeGreaterThan(0);
    for (const config of configs) expect(() => validateConfig(config, 'README.md')).not.toThrow();
  });
});
