// bench:linear — traces, prompts and reruns that stay small as runs grow (issue 16). Writes
// bench/results/linear.{json,md}. Each `polis run` is its own process, so peak RSS is that run's.
//   1. The offline quickstart (an LLM-policy agent, generic role, scripted:random model, against tit for tat) at
//      10 / 100 / 300 / 1,000 rounds: trace size, run time, peak RSS. With BASELINE_SRC (a checkout of an
//      older Polis, e.g. `git archive main`), the same runs on that code alternate with ours.
//   2. Bytes per round over a long run (LINEAR_LONG_ROUNDS, default 10,000; the agent's memory a window of 20
//      rounds, as any real model's context needs): rounds 91-100 against the last 10.
//   3. Rerun against the offline model and against a model with 20 ms latency: live run time vs rerun time.
//   4. Prompt characters per round over 1,000 rounds, full memory vs a window of 10, generic and matrix-player roles.
//   5. Social learning with 2,000 episodes (examples/dialogues/social-learning.yaml, eight learners on the
//      offline model): trace size, time, peak RSS (LINEAR_SOCIAL_EPISODES overrides the count).
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parse } from 'yaml';
import { applyOverrides, validateConfig } from '../../src/engine/config/load-config.js';
import { defaultModelBuilder } from '../../src/engine/default-models.js';
import { runExperiment, type ModelBuilder } from '../../src/engine/experiment.js';
import { rerunTrace } from '../../src/engine/replay-modes.js';
import type { GameDefinition } from '../../src/games/definition.js';
import { gameRegistry } from '../../src/games/registry.js';
import { defaultSleep as sleep } from '../../src/models/sleep.js';
import { wrapModel } from '../../src/models/wrappers/wrap-model.js';
import { iterateTrace } from '../../src/traces/trace-reader.js';
import { commitOf, describeMachine, machine } from '../machine.js';

const QUICKSTART = resolve('examples/quickstart/prisoners-dilemma.yaml');
const games = gameRegistry as ReadonlyMap<string, GameDefinition<unknown>>;
const tmp = mkdtempSync(join(tmpdir(), 'polis-bench-linear-'));
const baseline = process.env['BASELINE_SRC'];
const ROUNDS = (process.env['LINEAR_ROUNDS'] ?? '10,100,300,1000').split(',').map(Number);
const LONG = Number(process.env['LINEAR_LONG_ROUNDS'] ?? 10_000);

interface CliRun {
  rounds: number;
  traceBytes: number;
  runMs: number;
  processMs: number;
  peakRssMb: number;
}

function cliRun(tree: string, rounds: number, extra: string[] = [], config = QUICKSTART, count = 'params.rounds'): CliRun {
  const out = join(tmp, `${tree === '.' ? 'new' : 'old'}-${rounds}`);
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(tree, 'bin/polis.js'), 'run', config, '--out', out, '--set', `${count}=${rounds}`, ...extra, '--quiet', '--force'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const processMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`polis run failed in ${tree}: ${r.stderr}`);
  const peakKb = Number(r.stderr.trim().split('\n').at(-1));
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { wallMs: number };
  const result = { rounds, traceBytes: statSync(join(out, 'trace.jsonl')).size, runMs: summary.wallMs, processMs, peakRssMb: peakKb / 1024 };
  rmSync(out, { recursive: true, force: true });
  return result;
}

/** Bytes of the trace lines whose logical time lies in [from, to] (text events count with their round). */
async function bytesByRound(file: string): Promise<Map<number, number>> {
  const bytes = new Map<number, number>();
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    const m = /"time":(\d+)/.exec(line);
    if (m) bytes.set(Number(m[1]), (bytes.get(Number(m[1])) ?? 0) + Buffer.byteLength(line) + 1);
  }
  return bytes;
}

const config = (rounds: number, memory?: unknown) =>
  validateConfig(applyOverrides(parse(readFileSync(QUICKSTART, 'utf8')), [`params.rounds=${rounds}`, ...(memory ? [`agents[0].memory=${JSON.stringify(memory)}`] : [])]));

function withLatency(ms: number): ModelBuilder {
  const inner = defaultModelBuilder();
  return (spec, context) => {
    const client = inner(spec, context);
    return wrapModel(client, async (request) => {
      await sleep(ms);
      return client.generate(request);
    });
  };
}

/** Live run then rerun, PAIRS times alternating on the loaded machine; the medians are compared. */
const PAIRS = Number(process.env['LINEAR_RERUN_PAIRS'] ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function rerunVsLive(rounds: number, latencyMs: number) {
  const buildModel = latencyMs > 0 ? withLatency(latencyMs) : defaultModelBuilder();
  const lives: number[] = [];
  const reruns: number[] = [];
  let last: { identical: boolean; modelCalls: number; replayed: number } | undefined;
  for (let i = 0; i < PAIRS; i++) {
    const dir = join(tmp, `rerun-${rounds}-${latencyMs}-${i}`);
    const t0 = performance.now();
    const live = await runExperiment({ config: config(rounds), out: join(dir, 'live'), games, buildModel });
    lives.push(performance.now() - t0);
    const t1 = performance.now();
    const { run, diff } = await rerunTrace(live.traceFile, { out: join(dir, 'rerun'), games, buildModel });
    reruns.push(performance.now() - t1);
    rmSync(dir, { recursive: true, force: true });
    if (!diff.identical || (last && !last.identical)) last = { identical: false, modelCalls: run.modelCalls, replayed: run.replayed };
    else last = { identical: true, modelCalls: Math.max(run.modelCalls, last?.modelCalls ?? 0), replayed: run.replayed };
  }
  const liveMs = median(lives);
  const rerunMs = median(reruns);
  return { rounds, latencyMs, pairs: PAIRS, liveMs, rerunMs, speedup: liveMs / rerunMs, liveAllMs: lives, rerunAllMs: reruns, ...last! };
}

async function promptGrowth(memory: unknown, role: string) {
  const dir = join(tmp, `prompts-${role}-${JSON.stringify(memory)}`);
  const c = validateConfig(applyOverrides(config(1000, memory), [`agents[0].role=${role}`]));
  const run = await runExperiment({ config: c, out: dir, games, buildModel: defaultModelBuilder() });
  const chars = new Map<number, number>();
  for await (const e of iterateTrace(run.traceFile)) {
    if (e.type === 'model-call' && e.call.purpose === 'act') chars.set(e.time, e.request.messages.reduce((n, m) => n + m.content.length, 0));
  }
  rmSync(dir, { recursive: true, force: true });
  const at = (r: number) => chars.get(r) ?? 0;
  return { role, memory, round1: at(1), round10: at(10), round100: at(100), round1000: at(1000), perRoundGrowth: (at(1000) - at(100)) / 900 };
}

const table: Array<{ ours: CliRun; baseline?: CliRun }> = [];
for (const rounds of ROUNDS) {
  const ours = cliRun('.', rounds);
  table.push(baseline ? { ours, baseline: cliRun(baseline, rounds) } : { ours });
  console.log(JSON.stringify(table.at(-1)));
}

const t0 = performance.now();
const long = await runExperiment({ config: config(LONG, { kind: 'window', size: 20 }), out: join(tmp, 'long'), games, buildModel: defaultModelBuilder() });
const longMs = performance.now() - t0;
const perRound = await bytesByRound(long.traceFile);
const avg = (from: number, to: number) => {
  let sum = 0;
  for (let r = from; r <= to; r++) sum += perRound.get(r) ?? 0;
  return sum / (to - from + 1);
};
const longRun = { rounds: LONG, ms: longMs, traceBytes: statSync(long.traceFile).size, bytesPerRound100: avg(91, 100), bytesPerRoundLast: avg(LONG - 9, LONG) };
rmSync(join(tmp, 'long'), { recursive: true, force: true });
console.log(JSON.stringify(longRun));

const reruns = [await rerunVsLive(300, 0), await rerunVsLive(300, 20)];
console.log(JSON.stringify(reruns));
const prompts = [];
for (const role of ['generic-agent', 'matrix-player']) for (const memory of [undefined, { kind: 'window', size: 10 }]) prompts.push(await promptGrowth(memory, role));
console.log(JSON.stringify(prompts));
const SOCIAL_EPISODES = Number(process.env['LINEAR_SOCIAL_EPISODES'] ?? 2000);
const social = cliRun('.', SOCIAL_EPISODES, [], resolve('examples/dialogues/social-learning.yaml'), 'params.episodes');
console.log(JSON.stringify(social));
rmSync(tmp, { recursive: true, force: true });

const host = machine();
const commit = commitOf();
const results = { date: new Date().toISOString(), commit, baseline: baseline ?? null, machine: host, table, longRun, reruns, prompts, social };
writeFileSync('bench/results/linear.json', `${JSON.stringify(results, null, 2)}\n`);
const mb = (b: number) => (b / 2 ** 20 >= 1 ? `${(b / 2 ** 20).toFixed(2)} MB` : `${(b / 1024).toFixed(0)} KB`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
writeFileSync(
  'bench/results/linear.md',
  [
    '# Linear traces and prompts (issue 16)',
    '',
    `\`npm run bench:linear\` at ${commit}, ${results.date}. ${describeMachine(host)} (the machine is shared; compare rows measured side by side, not with other files).`,
    '',
    `## The offline quickstart (generic role, scripted:random, full memory) by rounds${baseline ? ' — ours and the baseline alternate' : ''}`,
    '',
    `| rounds | trace | run (engine wallMs) | process | peak RSS |${baseline ? ' baseline trace | baseline run | baseline process | baseline peak RSS |' : ''}`,
    `|---:|---:|---:|---:|---:|${baseline ? '---:|---:|---:|---:|' : ''}`,
    ...table.map(({ ours: o, baseline: b }) => `| ${o.rounds} | ${mb(o.traceBytes)} | ${s(o.runMs)} | ${s(o.processMs)} | ${o.peakRssMb.toFixed(0)} MB |${b ? ` ${mb(b.traceBytes)} | ${s(b.runMs)} | ${s(b.processMs)} | ${b.peakRssMb.toFixed(0)} MB |` : ''}`),
    '',
    `## ${LONG.toLocaleString('en-US')} rounds, same config with a memory window of 20 rounds`,
    '',
    `Completed in ${s(longRun.ms)}; trace ${mb(longRun.traceBytes)}. Bytes per round: rounds 91-100 ${longRun.bytesPerRound100.toFixed(0)}, rounds ${LONG - 9}-${LONG} ${longRun.bytesPerRoundLast.toFixed(0)} (ratio ${(longRun.bytesPerRoundLast / longRun.bytesPerRound100).toFixed(3)}).`,
    '',
    '## Rerun (every call served from the trace, both traces streamed and compared)',
    '',
    `Live run then rerun, ${PAIRS} pairs alternating in one process; medians shown.`,
    '',
    '| rounds | model latency | live run | rerun | live / rerun | identical | model calls made | calls served |',
    '|---:|---:|---:|---:|---:|---|---:|---:|',
    ...reruns.map((r) => `| ${r.rounds} | ${r.latencyMs} ms | ${s(r.liveMs)} | ${s(r.rerunMs)} | ${r.speedup.toFixed(2)}x | ${r.identical} | ${r.modelCalls} | ${r.replayed} |`),
    '',
    '## Prompt characters per round over 1,000 rounds (characters / 4 is about the tokens)',
    '',
    '| role | memory | round 1 | round 10 | round 100 | round 1,000 | growth per round (100 to 1,000) |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...prompts.map((p) => `| ${p.role} | ${p.memory ? `window ${(p.memory as { size: number }).size}` : 'full'} | ${p.round1} | ${p.round10} | ${p.round100} | ${p.round1000} | ${p.perRoundGrowth.toFixed(1)} |`),
    '',
    'Full memory grows by the text one round adds (one history row and one memory line); a window stays flat.',
    'The matrix-player role on the offline model answers free text that the random model cannot satisfy, so its',
    'calls are repaired and defaulted; its prompts are what a real model would read.',
    '',
    `## Social learning, ${SOCIAL_EPISODES.toLocaleString('en-US')} episodes (eight learners on the offline model, full memory)`,
    '',
    `\`polis run examples/dialogues/social-learning.yaml --set params.episodes=${SOCIAL_EPISODES}\`: trace ${mb(social.traceBytes)}, run ${s(social.runMs)}, process ${s(social.processMs)}, peak RSS ${social.peakRssMb.toFixed(0)} MB.`,
    '',
  ].join('\n'),
);
