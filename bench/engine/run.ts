// Engine benchmarks: overhead per agent-turn with scripted policies, rerun speed, and peak memory for a
// 10,000-agent x 100-round run streamed to disk. Writes bench/results/engine.{json,md}.
// Run: npm run bench:engine   (trace write throughput: npx tsx bench/engine/trace-write.ts)
import { TRACE_SCHEMA_VERSION } from '../../src/core/version.js';
import { mkdtempSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem, tmpdir, release, platform } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { contributionAgents as agents, contributionGame } from './contribution-game.js';
import { runGame } from '../../src/engine/run-game.js';
import type { TraceSink } from '../../src/engine/trace-sink.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';
import { rerunTrace } from '../../src/engine/replay-modes.js';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { defaultModelBuilder } from '../../src/engine/default-models.js';
import { gameRegistry } from '../../src/games/registry.js';
import type { GameDefinition } from '../../src/games/definition.js';

const nullSink: TraceSink = { append: (() => { let s = 0; return () => s++; })() };

async function overhead(n: number, rounds: number, sinkKind: 'null' | 'disk') {
  const dir = mkdtempSync(join(tmpdir(), 'polis-bench-'));
  const sink = sinkKind === 'null' ? nullSink : TraceWriter.create(join(dir, 't.jsonl'), header(), { validate: 'off' });
  const t0 = performance.now();
  await runGame({ game: contributionGame(n, rounds), agents: agents(n), runId: 'b', seed: 1, sink, recordObservations: sinkKind === 'disk' });
  const ms = performance.now() - t0;
  if (sink instanceof TraceWriter) sink.close();
  rmSync(dir, { recursive: true, force: true });
  return { agentTurns: n * rounds, ms, usPerAgentTurn: (ms * 1000) / (n * rounds) };
}

function header() {
  return { type: 'header' as const, schemaVersion: TRACE_SCHEMA_VERSION, runId: 'bench', sdk: { name: 'polis', version: '0' }, packages: {}, config: {}, seeds: { root: 1 }, models: {}, prompts: {}, createdAt: new Date(0).toISOString() };
}

async function peakMemory(n: number, rounds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'polis-bench-'));
  const file = join(dir, 't.jsonl');
  const writer = TraceWriter.create(file, header(), { validate: 'off' });
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  await runGame({ game: contributionGame(n, rounds), agents: agents(n), runId: 'b', seed: 1, sink: writer, hooks: { 'turn-end': () => void (peak = Math.max(peak, process.memoryUsage().rss)) } });
  const ms = performance.now() - t0;
  clearInterval(timer);
  writer.close();
  const bytes = statSync(file).size;
  rmSync(dir, { recursive: true, force: true });
  return { agents: n, rounds, ms, peakRssMb: peak / 2 ** 20, traceMb: bytes / 2 ** 20 };
}

async function rerunSpeed() {
  const dir = mkdtempSync(join(tmpdir(), 'polis-bench-'));
  const config = validateConfig({ game: 'public-goods', params: { rounds: 50, agents: 20 }, seed: 3, agents: [{ id: 'llm', count: 20, role: 'generic-agent', policy: { model: 'default' }, memory: { kind: 'window', size: 2 } }] });
  const games = gameRegistry as ReadonlyMap<string, GameDefinition<unknown>>;
  const original = await runExperiment({ config, out: join(dir, 'a'), games, buildModel: defaultModelBuilder() });
  const t0 = performance.now();
  const { run, diff } = await rerunTrace(original.traceFile, { out: join(dir, 'b'), games, buildModel: defaultModelBuilder() });
  const ms = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  return { calls: run.replayed, identical: diff.identical, ms, callsPerSecond: (run.replayed / ms) * 1000 };
}

const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, os: `${platform()} ${release()}`, cpu: cpus()[0]?.model, cores: cpus().length, memoryGb: +(totalmem() / 2 ** 30).toFixed(1) },
  overhead: {
    nullSink: await overhead(100, 2000, 'null'),
    diskTrace: await overhead(100, 500, 'disk'),
  },
  rerun: await rerunSpeed(),
  memory10kx100: await peakMemory(10_000, 100),
};
console.log(JSON.stringify(results, null, 2));
writeFileSync('bench/results/engine.json', `${JSON.stringify(results, null, 2)}\n`);
const o = results.overhead;
writeFileSync(
  'bench/results/engine.md',
  `# Engine benchmark

Run \`npm run bench:engine\` (${results.date}). Machine: ${results.machine.node}, ${results.machine.os}, ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGb} GiB.

| measure | value | target |
|---|---:|---:|
| engine overhead per agent-turn, scripted policy, events to a null sink (${o.nullSink.agentTurns} agent-turns) | ${o.nullSink.usPerAgentTurn.toFixed(2)} µs | < 20 µs |
| per agent-turn with observation + action events written durably to disk (${o.diskTrace.agentTurns} agent-turns) | ${o.diskTrace.usPerAgentTurn.toFixed(2)} µs | - |
| rerun: recorded model calls served per second (${results.rerun.calls} calls, identical: ${results.rerun.identical}) | ${results.rerun.callsPerSecond.toFixed(0)} | - |
| 10,000 agents x 100 rounds streamed to disk: peak RSS | ${results.memory10kx100.peakRssMb.toFixed(0)} MB | < 2048 MB |
| same run: wall time / trace size | ${(results.memory10kx100.ms / 1000).toFixed(1)} s / ${results.memory10kx100.traceMb.toFixed(0)} MB | - |

The overhead row times the whole engine path per decision: observe, the policy call (async), schema
validation, legality, event construction, apply. The null sink isolates the engine from disk; the disk
row adds the durable trace (one write per event). Memory stays flat in rounds: events stream to disk and
the engine keeps only the current state (checkpoints are written, not held).
`,
);
