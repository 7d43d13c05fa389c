// What a user installs: `npm pack`, the tarball installed into a fresh app (from the npm registry, no
// optional peers), then the README's embedding example as ESM, through require() and through a strict
// tsc (NodeNext and Bundler), the missing-peer errors, and the installed `polis` binary on the quickstart.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const versionOf = (name: string) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version as string;

/** The environment for npm and node children: npm's own `npm_*` variables (set when this runs under `npm test`) would point a nested npm at this repository. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_LLAMA_CPP_POSTINSTALL: 'skip', CI: '1' };
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return env;
}

function sh(file: string, args: string[], cwd: string) {
  const r = spawnSync(file, args, { cwd, encoding: 'utf8', env: childEnv(), timeout: 480_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The README's embedding example: the ```js block of "Use it in your app" that starts with `// app.mjs`. */
export function readmeExample(readme: string): string {
  const block = /^## Use it in your app\n[\s\S]*?^```js\n(\/\/ app\.mjs[\s\S]*?)^```$/m.exec(readme);
  if (!block) throw new Error('README.md: no ```js block starting with "// app.mjs" under "## Use it in your app"');
  return block[1]!;
}

/** The same program for CommonJS: `import { a } from 'x'` becomes `require`, the rest runs in an async function. */
export function asCommonJs(esm: string): string {
  const imports: string[] = [];
  const body = esm.replace(/^import \{([^}]+)\} from '([^']+)';\n/gm, (_m, names: string, from: string) => {
    imports.push(`const {${names}} = require('${from}');`);
    return '';
  });
  return `${imports.join('\n')}\n(async () => {\n${body}})().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`;
}

function duBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    total += entry.isDirectory() ? duBytes(path) : lstatSync(path).size;
  }
  return total;
}

describe('the packed package in a fresh app', () => {
  let app: string;
  let packed: { filename: string; files: Array<{ path: string }> };
  const example = readmeExample(readFileSync(join(ROOT, 'README.md'), 'utf8'));

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-consumer-'));
    // dist/ is current (the package project's global setup); --ignore-scripts so `prepare` does not rebuild
    // it under the other package tests that are running it.
    const pack = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
    app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'polis-consumer', private: true, type: 'module' }));
    const install = sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed.filename), `typescript@${versionOf('typescript')}`, `@types/node@${versionOf('@types/node')}`], app);
    expect(install.status, `npm install of the tarball failed:\n${install.stderr}`).toBe(0);
  });

  it('packs only dist/, bin/, prompts/, data/, schema/, the native accelerator\'s sources, README and LICENSE: no sources, tests, benches or maps', () => {
    const paths = packed.files.map((f) => f.path);
    const allowed = /^(dist\/.+\.(js|d\.ts)|bin\/polis\.js|prompts\/.+|data\/.+|schema\/.+|native\/(polis-scorer\.c|log-sum-exp\.c|binding\.gyp|build\.mjs)|README\.md|LICENSE|package\.json)$/;
    expect(paths.filter((p) => !allowed.test(p))).toEqual([]);
    expect(paths.filter((p) => /^(src|test|bench|\.ci|scripts|examples)\//.test(p) || /(?<!\.d)\.ts$/.test(p) || p.endsWith('.map'))).toEqual([]);
    for (const target of Object.values(pkg.exports as Record<string, string | Record<string, string>>).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))) {
      expect(paths, `exports target ${target}`).toContain(target.replace(/^\.\//, ''));
    }
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'bin/polis.js', 'dist/cli/main.js', 'schema/polis-config.schema.json', 'native/polis-scorer.c', 'native/binding.gyp', 'native/build.mjs']));
    // every source the accelerator's build compiles is packed (else the consumer's install skips the build)
    const gyp = JSON.parse(readFileSync(join(ROOT, 'native', 'binding.gyp'), 'utf8')) as { targets: { sources: string[] }[] };
    const sources = gyp.targets.flatMap((t) => t.sources.map((f) => `native/${f}`));
    expect(sources.length).toBeGreaterThan(1);
    expect(paths).toEqual(expect.arrayContaining(sources));
  });

  it('installs without the optional peers, in under 150 MB', () => {
    expect(existsSync(join(app, 'node_modules', 'node-llama-cpp'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', '@langchain', 'core'))).toBe(false);
    // The app's own dev tools (typescript, @types/node) aside: what `npm install polis` brings.
    const total = duBytes(join(app, 'node_modules'));
    const tools = duBytes(join(app, 'node_modules', 'typescript')) + duBytes(join(app, 'node_modules', '@types', 'node'));
    expect((total - tools) / 1e6).toBeLessThan(150);
  });

  it("runs the README's embedding example as ESM: a scripted prisoner's dilemma, its trace read and rerun", () => {
    writeFileSync(join(app, 'app.mjs'), example);
    const r = sh(process.execPath, ['app.mjs'], app);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^completed \{ alice: \d+, bob: \d+ \} 10 actions\nrerun identical: true\n$/);
    expect(existsSync(join(app, 'runs', 'app', 'trace.jsonl'))).toBe(true);
  });

  it('runs the same example through require()', () => {
    const dir = join(app, 'cjs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'app.cjs'), asCommonJs(example));
    const r = sh(process.execPath, ['app.cjs'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^completed \{ alice: \d+, bob: \d+ \} 10 actions\nrerun identical: true\n$/);
    expect(r.stderr).toBe('');
  });

  it('names the package to install when local: or a LangChain client is used without its optional peer', () => {
    writeFileSync(
      join(app, 'peers.mjs'),
      `import { LangChainClient, prepareProviders, createOpenAICompatibleScorer } from 'polis';
const report = (e) => ({ name: e.name, code: e.code, message: e.message });
const out = {};
// the remote scorer needs no node-llama-cpp: it is built from the main entry point
out.remoteScorer = createOpenAICompatibleScorer('openai-compatible:m@http://127.0.0.1:9/v1').constructor.name;
const chatModel = { _llmType: () => 'fake', invoke: async () => ({ content: 'hi' }), withStructuredOutput: () => ({ invoke: async () => ({}) }) };
await new LangChainClient(chatModel).generate({ messages: [{ role: 'user', content: 'hi' }] }).catch((e) => (out.langchain = report(e)));
await prepareProviders(['local:./m.gguf']).catch((e) => (out.local = report(e)));
console.log(JSON.stringify(out));
`,
    );
    const r = sh(process.execPath, ['peers.mjs'], app);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      remoteScorer: 'OpenAICompatibleScorer',
      langchain: { name: 'MissingPackageError', code: 'package_missing', message: `LangChain clients need @langchain/core, an optional peer dependency of polis that is not installed: run \`npm install @langchain/core@${pkg.peerDependencies['@langchain/core']}\`` },
      local: { name: 'MissingPackageError', code: 'package_missing', message: `\`local:\` models need node-llama-cpp, an optional peer dependency of polis that is not installed: run \`npm install node-llama-cpp@${pkg.peerDependencies['node-llama-cpp']}\`` },
    });
  });

  it('the installed polis binary runs the quickstart, reruns it, and stops with the install command for local:', () => {
    const polis = join(app, 'node_modules', '.bin', 'polis');
    cpSync(join(ROOT, 'examples', 'quickstart', 'prisoners-dilemma.yaml'), join(app, 'prisoners-dilemma.yaml'));
    expect(sh(polis, ['--version'], app).stdout.trim()).toBe(pkg.version);
    // `npx polis` (as the README writes it) resolves to this binary, with no registry lookup.
    const npx = sh('npx', ['--no', 'polis', 'games', 'list', '--json'], app);
    expect(npx.status, npx.stderr).toBe(0);
    expect(JSON.parse(npx.stdout).length).toBeGreaterThan(10);
    const run = sh(polis, ['run', 'prisoners-dilemma.yaml', '--out', 'runs/quickstart'], app);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^completed: 10 rounds, 10 model calls/);
    const rerun = sh(polis, ['replay', 'runs/quickstart/trace.jsonl', '--mode', 'rerun'], app);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/^rerun reproduced the trace: 10 recorded model calls served, 0 made/);
    const local = sh(polis, ['run', 'prisoners-dilemma.yaml', '--model', 'local:./m.gguf', '--out', 'runs/local'], app);
    expect(local.status).toBe(1);
    expect(local.stderr).toContain(`error [package_missing]: \`local:\` models need node-llama-cpp, an optional peer dependency of polis that is not installed: run \`npm install node-llama-cpp@${pkg.peerDependencies['node-llama-cpp']}\``);
  });

  describe('a strict TypeScript consumer', () => {
    const strict = {
      target: 'ES2022',
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noPropertyAccessFromIndexSignature: true,
      skipLibCheck: false,
      noEmit: true,
      types: ['node'],
    };

    beforeAll(() => {
      writeFileSync(join(app, 'app.ts'), example);
      writeFileSync(join(app, 'app.cts'), "import polis = require('polis');\nimport testing = require('polis/testing');\nexport const kinds: string = typeof polis.runExperiment + typeof testing.ScriptedClient;\n");
      writeFileSync(
        join(app, 'api.ts'),
        [
          "import * as polis from 'polis';",
          "import type { ModelClient, RunConfig, TraceEvent } from 'polis';",
          "import { ScriptedClient } from 'polis/testing';",
          "import * as local from 'polis/local-models';",
          'export const client: ModelClient = new ScriptedClient({ random: true, seed: 1 });',
          "export const first = (events: readonly TraceEvent[]): string | undefined => events[0]?.type;",
          'export const game = (config: RunConfig): string => config.game;',
          'export const names: number = Object.keys(polis).length + Object.keys(local).length;',
        ].join('\n'),
      );
      // polis/local-models declares node-llama-cpp's types; a user of that entry point has it installed.
      // Linked only now, after the runtime checks above needed it absent.
      symlinkSync(join(ROOT, 'node_modules', 'node-llama-cpp'), join(app, 'node_modules', 'node-llama-cpp'), 'dir');
    });

    it.each([
      ['NodeNext', { module: 'NodeNext', moduleResolution: 'NodeNext' }, ['app.ts', 'app.cts', 'api.ts']],
      ['Bundler', { module: 'Preserve', moduleResolution: 'Bundler' }, ['app.ts', 'api.ts']],
    ])('type-checks under %s with no error in polis declarations, compiling no polis source', (name, resolution, files) => {
      writeFileSync(join(app, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: { ...strict, ...resolution }, files }));
      const r = sh(process.execPath, [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', `tsconfig.${name}.json`, '--listFiles'], app);
      const lines = r.stdout.split('\n');
      const errors = lines.filter((l) => /\(\d+,\d+\): error TS/.test(l));
      // Errors inside node-llama-cpp's own declarations (skipLibCheck: false) are not ours to fix.
      const ours = errors.filter((l) => !l.includes('/node_modules/node-llama-cpp/'));
      expect(ours, ours.join('\n')).toEqual([]);
      const polisFiles = lines.filter((l) => l.includes('/node_modules/polis/'));
      expect(polisFiles.length).toBeGreaterThan(100);
      expect(polisFiles.filter((f) => !f.endsWith('.d.ts'))).toEqual([]);
    });
  });
});

describe('readmeExample / asCommonJs', () => {
  it('turns named imports into require() and wraps top-level await', () => {
    expect(asCommonJs("import { a, b } from 'polis';\n\nconst x = await a();\n")).toBe(
      "const { a, b } = require('polis');\n(async () => {\n\nconst x = await a();\n})().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n",
    );
  });
});

