// `npm run build` (also npm's `prepare`): compiles src/ to dist/ with tsc (ESM JavaScript + .d.ts, one
// file per source file, so module-relative paths to prompts/, data/ and schema/ resolve as from src/).
// dist/ is emptied first so a deleted source never lingers, and removed again when tsc fails, so a
// half-written dist/ is never taken for a good one (see scripts/dist-freshness.mjs).
import { spawnSync } from 'node:child_process';
import { rmSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const started = new Date();
rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  console.error('build failed: dist/ removed');
  process.exit(result.status ?? 1);
}
// The report's browser code (src/report/client/, excluded from tsc above) is type-checked with its own
// tsconfig (DOM types) and bundled with uPlot into dist/report/client.js, which `polis report` inlines.
const clientCheck = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'src/report/client'], { cwd: root, stdio: 'inherit' });
if (clientCheck.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  console.error('build failed (report client): dist/ removed');
  process.exit(clientCheck.status ?? 1);
}
const esbuild = await import('esbuild');
const { CLIENT_BUILD_OPTIONS } = await import('../dist/report/client-bundle.js');
await esbuild.build({
  ...CLIENT_BUILD_OPTIONS,
  entryPoints: [fileURLToPath(new URL('../src/report/client/main.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/report/client.js', import.meta.url)),
});
// dist/index.js carries the build's start time: a source saved during the build still reads as newer.
utimesSync(new URL('../dist/index.js', import.meta.url), started, started);
