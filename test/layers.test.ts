// The arrows of architecture.md point down only: each top-level folder of src/ imports (values or types,
// statically or with import()) only from the folders listed for it here.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');
const below = (...folders: string[]) => new Set(folders);
/** What each folder may import. `roles` implementations render one game's observations, so they read game types. */
const ALLOWED: Record<string, Set<string>> = {
  core: below(),
  traces: below('core'),
  models: below('core', 'traces'),
  'local-models': below('core', 'traces', 'models'),
  agents: below('core', 'traces', 'models', 'roles'),
  roles: below('core', 'traces', 'models', 'agents', 'games'),
  games: below('core'),
  engine: below('core', 'traces', 'models', 'local-models', 'agents', 'roles', 'games'),
  judges: below('core', 'traces', 'models', 'local-models', 'agents', 'roles', 'games'),
};
const TOP = new Set(['cli', 'report', 'experiments', 'telemetry', 'testing', 'index.ts']);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

describe('layers', () => {
  it('every import points to a folder on the same floor or below', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const from = relative(SRC, file).split(sep)[0]!;
      if (TOP.has(from)) continue;
      const allowed = ALLOWED[from];
      if (!allowed) {
        violations.push(`src/${from}: a new top-level folder; add it to ALLOWED in test/layers.test.ts (and to architecture.md)`);
        continue;
      }
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)) {
        const to = relative(SRC, join(dirname(file), m[1]!)).split(sep)[0]!;
        if (to !== from && !allowed.has(to)) violations.push(`${relative(SRC, file)} imports ${m[1]} (${from} -> ${to})`);
      }
    }
    expect(violations).toEqual([]);
  });
});
