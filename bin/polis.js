#!/usr/bin/env node
// The `polis` command: runs the compiled CLI in dist/ (`npm run build`; npm builds it on install and pack).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `polis ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
// In a checkout (src/ beside dist/; the published package has no src/), say so when dist/ is older than
// the sources instead of silently running old code.
if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { distStaleReason } = await import('../scripts/dist-freshness.mjs');
  const stale = distStaleReason(fileURLToPath(new URL('..', import.meta.url)));
  if (stale) process.stderr.write(`polis: warning: ${stale}; this runs the last build (run \`npm run build\`)\n`);
}
const { runCli } = await import('../dist/cli/main.js');
process.exitCode = await runCli(process.argv.slice(2));
