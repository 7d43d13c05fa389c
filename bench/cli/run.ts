// CLI and package benchmark: `polis --help` and `polis --version` start time against `node -e 0` (spawned
// in turns, so machine noise hits all three alike), the install size of a consumer app with and without
// local models, and what `npm pack` ships. Writes bench/results/cli.{json,md}.
// Run: npm run bench:cli   (needs the npm registry, or its packages in the npm cache)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { distStaleReason } from '../../scripts/dist-freshness.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 30);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

function env(): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { NODE_LLAMA_CPP_POSTINSTALL: 'skip' };
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) out[k] = v;
  return out;
}

function sh(file: string, args: string[], cwd: string): string {
  const r = spawnSync(file, args, { cwd, encoding: 'utf8', env: env(), maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} failed in ${cwd}:\n${r.stderr}`);
  return r.stdout;
}

/** Disk usage of a folder in MB, as `du -sk` counts it (blocks, hard links once). */
const duMb = (dir: string) => Number(sh('du', ['-sk', dir], ROOT).split('\t')[0]) / 1024;

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
  };
  return { median: q(0.5), q1: q(0.25), q3: q(0.75), iqr: q(0.75) - q(0.25), min: s[0]!, runs: s.length };
}

if (distStaleReason(ROOT)) sh(process.execPath, ['scripts/build.mjs'], ROOT);
const work = mkdtempSync(join(tmpdir(), 'polis-bench-cli-'));
const loadBefore = loadavg();

// What `npm pack` ships.
const packed = (JSON.parse(sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as Array<{ filename: string; entryCount: number; size: number; unpackedSize: number; files: Array<{ path: string }> }>)[0]!;
const byFolder: Record<string, number> = {};
for (const f of packed.files) {
  const top = f.path.includes('/') ? `${f.path.split('/')[0]}/` : f.path;
  byFolder[top] = (byFolder[top] ?? 0) + 1;
}
const tarball = join(work, packed.filename);

// Consumer apps: polis alone; polis + node-llama-cpp as npm installs it by default (every build for this
// platform: CPU, CUDA, Vulkan); polis + node-llama-cpp with optional packages omitted but the CPU build.
function app(name: string, extra: string[], flags: string[] = []): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `bench-${name}`, private: true, type: 'module' }));
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...flags, tarball, ...extra], dir);
  return dir;
}
const llama = `node-llama-cpp@${pkg.peerDependencies['node-llama-cpp']}`;
const lean = app('lean', []);
const leanMb = duMb(join(lean, 'node_modules'));
const local = app('local', [llama]);
const localMb = duMb(join(local, 'node_modules'));
const cpuBuild = `@node-llama-cpp/${platform()}-${process.arch}@${JSON.parse(readFileSync(join(local, 'node_modules', 'node-llama-cpp', 'package.json'), 'utf8')).version}`;
const localCpu = app('local-cpu', [llama, cpuBuild], ['--omit=optional']);
const localCpuMb = duMb(join(localCpu, 'node_modules'));
const tsxMb = duMb(join(lean, 'node_modules', 'tsx')) + duMb(join(lean, 'node_modules', 'esbuild')) + duMb(join(lean, 'node_modules', '@esbuild'));

// Start time: the installed binary, as users run it, in turns with `node -e 0`.
const bin = join(lean, 'node_modules', 'polis', 'bin', 'polis.js');
const commands: Record<string, string[]> = { 'node -e 0': ['-e', '0'], 'polis --help': [bin, '--help'], 'polis --version': [bin, '--version'], 'polis games list': [bin, 'games', 'list'] };
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < RUNS + 2; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: lean, stdio: 'ignore' });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
    if (i >= 2) samples[name]!.push(ms); // two warm-up rounds fill the file cache
  }
}
const start = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]));
const base = start['node -e 0']!.median;
const loadAfter = loadavg();
rmSync(work, { recursive: true, force: true });

const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, os: `${platform()} ${release()}`, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), loadavg1mBefore: loadBefore[0] ?? 0, loadavg1mAfter: loadAfter[0] ?? 0 },
  startMs: start,
  ratioToNode: { help: start['polis --help']!.median / base, version: start['polis --version']!.median / base, gamesList: start['polis games list']!.median / base },
  installMb: { lean: leanMb, withLocalModelsDefault: localMb, withLocalModelsCpuOnly: localCpuMb, tsxAndEsbuild: tsxMb },
  pack: { files: packed.entryCount, tarballKb: packed.size / 1024, unpackedMb: packed.unpackedSize / 1e6, byFolder },
};
writeFileSync(join(ROOT, 'bench/results/cli.json'), `${JSON.stringify(results, null, 2)}\n`);

const row = (name: string) => {
  const s = start[name]!;
  return `| \`${name}\` | ${s.median.toFixed(0)} ms | ${s.q1.toFixed(0)}-${s.q3.toFixed(0)} ms | ${(s.median / base).toFixed(2)}x |`;
};
const m = results.machine;
writeFileSync(
  join(ROOT, 'bench/results/cli.md'),
  `# CLI and package benchmark

Run \`npm run bench:cli\` (${results.date}). Machine: ${m.node}, ${m.os}, ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GiB; load average (1 min) ${m.loadavg1mBefore.toFixed(2)} before, ${m.loadavg1mAfter.toFixed(2)} after (the machine is shared).

## Start time

The installed \`polis\` binary of a fresh consumer app, spawned ${RUNS} times in turns with \`node -e 0\`
(after two warm-up rounds), so load hits all alike. Target: \`polis --help\` within 4x \`node -e 0\`.

| command | median | IQR (q1-q3) | vs \`node -e 0\` |
|---|---:|---:|---:|
${Object.keys(commands).map(row).join('\n')}

\`--help\` and \`--version\` import commander and the command list only; \`games list\` imports one command
and the game registry. Before the build (issue 12) the CLI compiled TypeScript through tsx at every start:
\`polis --help\` took 2.5 s on a quiet machine, about 50x \`node -e 0\`.

## Install size (\`du -sk node_modules\` of a fresh app)

| app | size | target |
|---|---:|---:|
| \`npm install polis\` (OpenAI, Anthropic, OpenAI-compatible, scripted) | ${leanMb.toFixed(0)} MB | < 150 MB |
| ... of which tsx + esbuild (TypeScript configs) | ${tsxMb.toFixed(0)} MB | - |
| + \`npm install ${llama}\` (npm's default: every build for this platform, CUDA and Vulkan included) | ${localMb.toFixed(0)} MB | - |
| + node-llama-cpp with \`--omit=optional\` and only its CPU build (\`${cpuBuild}\`) | ${localCpuMb.toFixed(0)} MB | - |

## What \`npm pack\` ships

${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KiB packed, ${results.pack.unpackedMb.toFixed(1)} MB unpacked: ${Object.entries(byFolder)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}. (Before issue 12: 808 files, tests, benches and \`.ci\` included.)
`,
);
console.log(readFileSync(join(ROOT, 'bench/results/cli.md'), 'utf8'));
