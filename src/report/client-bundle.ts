// The browser code of the report and viewer, bundled (client/ + uPlot) into one IIFE by esbuild.
// `npm run build` writes it to dist/report/client.js (scripts/build.mjs); run from src/ (tests, tsx) it is
// built on demand from client/ when dist's copy is missing or older than a client source (or pack-prompts.ts, which it shares). esbuild is a
// devDependency: the published package only ever reads the built file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const CLIENT_SRC = join(here, 'client');
/** Where `npm run build` puts the bundle, seen from this file in dist/report/ or in src/report/. */
const BUILT = [join(here, 'client.js'), join(here, '../../dist/report/client.js')];

let cached: string | undefined;

/** The client bundle's JavaScript. */
export async function clientBundle(): Promise<string> {
  if (cached !== undefined) return cached;
  const fromSrc = existsSync(join(CLIENT_SRC, 'main.ts'));
  // The client also bundles pack-prompts.ts, the one module it shares with the page writer.
  const newestSource = fromSrc ? Math.max(newest(CLIENT_SRC), statSync(join(here, 'pack-prompts.ts')).mtimeMs) : 0;
  const built = BUILT.find((f) => existsSync(f) && statSync(f).mtimeMs >= newestSource);
  cached = built ? readFileSync(built, 'utf8') : await buildClient();
  return cached;
}

/** Bundles client/main.ts (with uPlot) with esbuild; also used by scripts/build.mjs through its own call. */
export async function buildClient(): Promise<string> {
  const esbuild = await import('esbuild').catch(() => {
    throw new Error('the report client is not built and esbuild (a devDependency) is missing: run `npm run build` in a checkout');
  });
  const result = await esbuild.build({ ...CLIENT_BUILD_OPTIONS, entryPoints: [join(CLIENT_SRC, 'main.ts')], write: false });
  return result.outputFiles[0]!.text;
}

/** The same options as scripts/build.mjs uses. */
export const CLIENT_BUILD_OPTIONS = {
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'inline',
  logLevel: 'silent',
} as const;

/** uPlot's stylesheet (uplot is a runtime dependency). */
export function uplotCss(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
}

function newest(dir: string): number {
  let t = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}
