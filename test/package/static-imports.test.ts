// What the compiled entry points import before any code runs (static imports, followed through dist/):
// `polis --help` must stay cheap, and no entry point but polis/local-models may load an optional peer.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** Files of dist/ and bare packages reached from `entry` by static `import`/`export ... from` (not `import()`). */
function staticClosure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/gm)) {
      const specifier = m[1]!;
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else if (!specifier.startsWith('node:')) packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  };
  visit(join(DIST, entry));
  return { files: [...files].map((f) => relative(DIST, f)).sort(), packages: [...packages].sort() };
}

describe('static imports of the compiled entry points', () => {
  it('the CLI entry imports commander, the command list and three small core files (errors, version, terminal escaping): no command, no engine', () => {
    expect(staticClosure('cli/main.js')).toEqual({
      files: ['cli/command.js', 'cli/commands/index.js', 'cli/main.js', 'core/errors/polis-error.js', 'core/terminal-text.js', 'core/version.js'],
      packages: ['commander'],
    });
  });

  it.each(['index.js', 'testing/index.js', 'cli/commands/run.js', 'cli/commands/judge.js', 'cli/commands/model.js', 'cli/commands/tournament.js', 'cli/commands/trace.js', 'telemetry/index.js'])(
    '%s loads no optional peer before it is used',
    (entry) => {
      const { packages } = staticClosure(entry);
      expect(packages).not.toContain('node-llama-cpp');
      expect(packages).not.toContain('@langchain/core');
      expect(packages).not.toContain('@opentelemetry/sdk-trace-base');
      expect(packages).not.toContain('@opentelemetry/exporter-trace-otlp-http');
    },
  );

  it('polis/local-models is the entry point that brings node-llama-cpp', () => {
    expect(staticClosure('local-models/index.js').packages).toContain('node-llama-cpp');
  });
});
