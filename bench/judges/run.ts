// Benchmark: judge 10,000 trace steps (message events) end to end with judgeTrace (read from memory,
// judge, write the judged copy), once with the rule-based verifier and once with a scripted model judge
// behind createModelStack (pacing, retry, usage/cost, structured output). Writes bench/results/judges.{json,md}.
import { TRACE_SCHEMA_VERSION } from '../../src/core/version.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { judgeTrace } from '../../src/judges/judge-trace.js';
import { ScriptedClient } from '../../src/models/scripted/scripted-client.js';
import { createModelStack } from '../../src/models/wrappers/create-model-stack.js';
import type { TraceEvent, TraceHeader } from '../../src/traces/event.js';

const STEPS = 10_000;
const header: TraceHeader = {
  type: 'header', schemaVersion: TRACE_SCHEMA_VERSION, runId: 'bench-judges', sdk: { name: 'polis', version: '0.1.0' }, packages: {}, config: {},
  seeds: { root: 1 }, models: { alice: { provider: 'openai', modelId: 'gpt-4o-mini' } }, prompts: {}, createdAt: '2026-01-01T00:00:00.000Z',
};
const events: TraceEvent[] = [
  { seq: 0, time: 0, type: 'run-start', game: { name: 'bench', version: '1' }, agents: [{ id: 'alice', role: 'solver', policy: 'llm', usesModel: true }] },
];
for (let i = 0; i < STEPS; i++) {
  events.push({ seq: i + 1, time: i, type: 'message', from: 'alice', to: 'all', channel: 'main', content: `Step ${i}: so the total is \\boxed{${i % 7 === 0 ? 42 : i}}.` });
}

const dir = mkdtempSync(join(os.tmpdir(), 'polis-bench-judges-'));

async function measure(label: string, run: (out: string) => Promise<{ judgeScores: number; calls: number; cost: number }>) {
  const out = join(dir, `${label}.jsonl`);
  const t0 = performance.now();
  const r = await run(out);
  const seconds = (performance.now() - t0) / 1000;
  return { judge: label, steps: r.judgeScores, seconds: Number(seconds.toFixed(3)), stepsPerSecond: Math.round(r.judgeScores / seconds), modelCalls: r.calls, costUsd: Number(r.cost.toFixed(6)) };
}

const rule = await measure('rule-verifier', (out) =>
  judgeTrace({ input: { header, events }, out, config: { judges: [{ kind: 'rule', name: 'rule', reference: '42', reward: {} }] } }),
);

// Scripted judge model priced like a small hosted model ($0.15 / $0.60 per 1M tokens), with fixed usage per call.
const adapter = new ScriptedClient({ modelId: 'bench-judge', respond: (_r, i) => ({ object: { scores: { correctness: i % 11 }, rationale: 'ok' } }), usage: { inputTokens: 300, outputTokens: 20 } });
const client = createModelStack(adapter, { usage: { prices: { 'scripted:bench-judge': { input: 0.15, output: 0.6 } } }, pacing: { concurrency: 64 } });
const model = await measure('scripted-model-judge', (out) =>
  judgeTrace({
    input: { header, events },
    out,
    resolveModel: () => client,
    config: { concurrency: 64, judges: [{ kind: 'rubric', name: 'llm', model: 'scripted', dimensions: [{ name: 'correctness', min: 0, max: 10, description: 'is the step right' }], reward: {} }] },
  }),
);
const ledger = client.ledger?.toJSON().total;
rmSync(dir, { recursive: true, force: true });

const machine = { node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}`, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)) };
const result = { date: new Date().toISOString(), steps: STEPS, machine, runs: [rule, model], ledger };
writeFileSync(new URL('../results/judges.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
const md = [
  '# Judges benchmark',
  '',
  `Judging ${STEPS.toLocaleString('en')} trace steps (message events) with \`judgeTrace\`: read from memory, judge every step,`,
  'write the judged copy (originals + one judge-score and one reward event per step). `npm run bench:judges`.',
  '',
  '| judge | steps | seconds | steps/s | model calls | cost (USD) |',
  '|---|---:|---:|---:|---:|---:|',
  ...[rule, model].map((r) => `| ${r.judge} | ${r.steps} | ${r.seconds} | ${r.stepsPerSecond} | ${r.modelCalls} | ${r.costUsd} |`),
  '',
  `The scripted model judge runs behind createModelStack (structured output, usage/cost, retry, pacing at concurrency 64) with 300 input + 20 output tokens per call priced at $0.15/$0.60 per 1M tokens: ledger total ${ledger?.calls} calls, $${ledger?.cost.toFixed(4)}.`,
  '',
  `Machine: Node ${machine.node}, ${machine.os}, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB (shared with other jobs while measured).`,
  '',
].join('\n');
writeFileSync(new URL('../results/judges.md', import.meta.url), md);
console.log(md);
