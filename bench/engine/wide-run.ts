// bench:wide — wide scripted runs (issue 16): peak RSS, trace size and time of N scripted agents x R rounds
// of a lean public-goods round (contribution-game.ts), one process per run (wide.ts), so peak RSS is that
// run's own. With BASELINE_SRC (an older checkout with node_modules, e.g. a `git worktree`), the baseline's
// wide.ts runs alternately with ours, in the same two harnesses:
//   - bundled: wide.ts and what it imports bundled by esbuild into one file, run by plain `node` (what an
//     app that embeds Polis pays: no TypeScript loader);
//   - tsx: `node --import tsx bench/engine/wide.ts`, as the issue's figures were taken (the loader adds ~50 MB).
// WIDE_MILLION=1 adds 1,000,000 agents x 10 rounds on ours (bundled; about 4 minutes on 2 cores).
// "Where the peak goes" takes each tree's bundled run apart: the process with the code loaded and no run,
// the live heap after each full collection (read from --trace-gc), and the peak under V8 flags that shrink
// the young generation and the old generation's headroom, which only the process's owner can set.
// Writes bench/results/wide.{json,md}.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { commitOf, describeMachine, machine } from '../machine.js';

interface WideResult {
  tree: string;
  harness: 'bundled' | 'tsx';
  agents: number;
  rounds: number;
  flags: string[];
  ms: number;
  traceMb: number;
  peakRssMb: number;
  /** With --trace-gc: the largest heap left after a full collection during the run (MB). */
  liveMb?: number;
}

const baseline = process.env['BASELINE_SRC'] ? resolve(process.env['BASELINE_SRC']) : undefined;
const REPEATS = Number(process.env['WIDE_REPEATS'] ?? 2);
const tmp = mkdtempSync(join(tmpdir(), 'polis-bench-wide-'));
/** How results name a tree: this checkout is '.'. */
const nameOf = (tree: string): 'ours' | 'baseline' => (tree === '.' ? 'ours' : 'baseline');

function bundle(tree: string): string {
  const outfile = join(tmp, `${nameOf(tree)}.mjs`);
  buildSync({ absWorkingDir: resolve(tree), entryPoints: ['bench/engine/wide.ts'], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
  return outfile;
}

function run(tree: string, harness: 'bundled' | 'tsx', file: string, agents: number, rounds: number, extra: string[] = []): WideResult {
  const args = harness === 'bundled' ? [...extra, file, String(agents), String(rounds)] : [...extra, '--import', 'tsx', 'bench/engine/wide.ts', String(agents), String(rounds)];
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`wide run failed in ${tree}: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  const end = lines.findLastIndex((l) => l.startsWith('{'));
  const line = JSON.parse(lines[end]!) as { ms: number; traceMb: number };
  const peakRssMb = Number(r.stderr.trim().split('\n').at(-1)) / 1024;
  const result: WideResult = { tree: nameOf(tree), harness, agents, rounds, flags: extra, ms: line.ms, traceMb: line.traceMb, peakRssMb };
  // "Mark-Compact 90.6 (118.1) -> 20.2 (73.6) MB": the heap after a full collection is what stayed alive.
  const afterFull = lines.slice(0, end).flatMap((l) => /Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+)/.exec(l)?.[1] ?? []).map(Number);
  if (afterFull.length) result.liveMb = Math.max(...afterFull);
  console.log(JSON.stringify(result));
  return result;
}

const trees = baseline ? ['.', baseline] : ['.'];
const bundles = new Map(trees.map((t) => [t, bundle(t)]));
const results: WideResult[] = [];
for (let i = 0; i < REPEATS; i++) {
  for (const harness of ['bundled', 'tsx'] as const) for (const tree of trees) results.push(run(tree, harness, bundles.get(tree)!, 10_000, 100));
}
// Where the peak goes (bundled, once per tree and setting).
const SMALL_YOUNG = ['--max-semi-space-size=1'];
const TIGHT = [...SMALL_YOUNG, '--heap-growing-percent=20'];
const parts = trees.map((tree) => {
  const file = bundles.get(tree)!;
  return {
    tree: nameOf(tree),
    loaded: run(tree, 'bundled', file, 1, 0),
    traced: run(tree, 'bundled', file, 10_000, 100, ['--trace-gc']),
    smallYoung: run(tree, 'bundled', file, 10_000, 100, SMALL_YOUNG),
    tight: run(tree, 'bundled', file, 10_000, 100, TIGHT),
  };
});
const million = process.env['WIDE_MILLION'] ? run('.', 'bundled', bundles.get('.')!, 1_000_000, 10, ['--max-old-space-size=7600']) : undefined;
rmSync(tmp, { recursive: true, force: true });

const host = machine();
const commit = commitOf();
const baselineCommit = baseline ? commitOf(baseline) : null;
const date = new Date().toISOString();
writeFileSync('bench/results/wide.json', `${JSON.stringify({ date, commit, baseline: baselineCommit, machine: host, results, parts, million: million ?? null }, null, 2)}\n`);

const peakAndTime = (r: WideResult) => `${r.peakRssMb.toFixed(0)} MB (${(r.ms / 1000).toFixed(1)} s)`;
// The lowest of the runs: on a shared machine, the run least disturbed by others.
const lowest = (xs: number[]) => Math.min(...xs);
const pick = (tree: string, harness: string) => results.filter((r) => r.tree === tree && r.harness === harness);
const row = (tree: string, harness: string) => {
  const rs = pick(tree, harness);
  return `| ${tree}${tree === 'baseline' ? ` (${baselineCommit})` : ` (${commit})`} | ${harness} | ${rs.length} | ${lowest(rs.map((r) => r.peakRssMb)).toFixed(0)} MB | ${lowest(rs.map((r) => r.traceMb)).toFixed(1)} MB | ${(lowest(rs.map((r) => r.ms)) / 1000).toFixed(1)} s |`;
};
const ratio = (harness: string, key: 'peakRssMb' | 'traceMb' | 'ms') => (lowest(pick('ours', harness).map((r) => r[key])) / lowest(pick('baseline', harness).map((r) => r[key]))).toFixed(2);
writeFileSync(
  'bench/results/wide.md',
  [
    '# Wide scripted runs (issue 16)',
    '',
    `\`npm run bench:wide\` at ${commit}, ${date}. ${describeMachine(host)} (the machine is shared; compare rows of this file, measured alternately, not with other files).`,
    '',
    '10,000 scripted agents (each draws its contribution from its own rng stream) x 100 rounds of a lean public-goods round, the trace streamed to disk; one process per run; each figure is the lowest of the runs (the least disturbed by the machine\'s other jobs).',
    '',
    '| code | harness | runs | peak RSS (lowest) | trace | time (lowest) |',
    '|---|---|---:|---:|---:|---:|',
    ...trees.flatMap((t) => ['bundled', 'tsx'].map((h) => row(nameOf(t), h))),
    '',
    ...(baseline ? [`Ours / baseline: bundled RSS ${ratio('bundled', 'peakRssMb')}, trace ${ratio('bundled', 'traceMb')}, time ${ratio('bundled', 'ms')}; tsx RSS ${ratio('tsx', 'peakRssMb')}, trace ${ratio('tsx', 'traceMb')}, time ${ratio('tsx', 'ms')}.`, ''] : []),
    '## Where the peak goes (bundled, one run each)',
    '',
    'Node with the code loaded and no run; the live heap (the largest heap left after a full collection during the run, from `--trace-gc`); the peak RSS with V8\'s default sizing, with the young generation held at 1 MB a semi-space (`--max-semi-space-size=1`; by default it grows to 16 MB), and with that and the old generation collected once it grows 20% past what lived (`--heap-growing-percent=20`; by default V8 lets it grow up to about 4x on this machine). Only the process\'s owner can set those flags (a Node option, not something an SDK can change for the app that embeds it).',
    '',
    '| code | loaded, no run | live heap | peak RSS, default | `--max-semi-space-size=1` | and `--heap-growing-percent=20` |',
    '|---|---:|---:|---:|---:|---:|',
    ...parts.map((p) => `| ${p.tree} | ${p.loaded.peakRssMb.toFixed(0)} MB | ${p.traced.liveMb?.toFixed(1) ?? '?'} MB | ${[p.traced, p.smallYoung, p.tight].map(peakAndTime).join(' | ')} |`),
    '',
    ...(million ? ['## 1,000,000 scripted agents x 10 rounds (bundled, `--max-old-space-size=7600`)', '', `Completed in ${(million.ms / 1000).toFixed(0)} s; trace ${million.traceMb.toFixed(0)} MB streamed; peak RSS ${(million.peakRssMb / 1024).toFixed(2)} GiB.`, ''] : []),
  ].join('\n'),
);
