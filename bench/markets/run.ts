// Markets benchmark:
//  1. the LLM Economist with 1,000 scripted rational workers for 100 steps (us-fed brackets, Saez planner
//     every 25 steps), driven directly (init / phase / observe / strategy.decide / apply, no engine): time per
//     step and peak memory (rss and heapUsed sampled after every phase);
//  2. a synthetic 100-customer × 300-business marketplace with scripted agents, driven directly: ticks per second;
//  3. the LLM Economist through the engine (runExperiment) with 1,000 MODEL workers on a scripted client with
//     20–50 ms simulated latency and concurrency 64 (engine-economy.ts): steps/s, calls/s, achieved concurrency.
// `npm run bench:markets` writes bench/results/markets.json and markets.md.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { Rng } from '../../src/core/rng.js';
import type { Strategy } from '../../src/games/definition.js';
import { createEconomist, economistParamsSchema, rationalWorker, saezPlanner, type EconomistAction } from '../../src/games/economist/index.js';
import { generateMarket, MarketplaceGame, rationalBusiness, rationalCustomer, type MarketAction } from '../../src/games/marketplace/index.js';
import { benchEngineEconomy } from './engine-economy.js';

const WORKERS = 1000;
const STEPS = 100;
const MARKET_RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

const quantile = (xs: number[], q: number): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};
const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

function benchEconomy() {
  const game = createEconomist(economistParamsSchema.parse({ steps: STEPS, brackets: 'us-fed', plannerPeriod: 25 }), [
    'planner',
    ...Array.from({ length: WORKERS }, (_, i) => `worker-${i + 1}`),
  ]);
  const worker = rationalWorker() as Strategy;
  const planner = saezPlanner() as Strategy;
  const rng = Rng.fromSeed(1);
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const t0 = process.hrtime.bigint();
  let state = game.init(rng.derive('game'));
  const initMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const stepMs: number[] = [];
  const applyMs: number[] = [];
  const plannerMs: number[] = [];
  for (let phase = game.phase(state); phase; phase = game.phase(state)) {
    const start = process.hrtime.bigint();
    const actions = new Map<string, EconomistAction>();
    for (const agent of phase.agents) {
      const strategy = agent === game.planner ? planner : worker;
      actions.set(agent, strategy.decide(game.observe(state, agent), rng) as EconomistAction);
    }
    const beforeApply = process.hrtime.bigint();
    state = game.apply(state, actions, rng).state;
    const end = process.hrtime.bigint();
    const total = Number(end - start) / 1e6;
    if (phase.label === 'labor') {
      stepMs.push(total);
      applyMs.push(Number(end - beforeApply) / 1e6);
    } else plannerMs.push(total);
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }
  const total = stepMs.reduce((a, b) => a + b, 0) + plannerMs.reduce((a, b) => a + b, 0);
  return {
    workers: WORKERS,
    steps: STEPS,
    plannerSteps: plannerMs.length,
    initMs,
    totalSeconds: total / 1000,
    stepMs: { mean: total / STEPS, median: quantile(stepMs, 0.5), p95: quantile(stepMs, 0.95), max: Math.max(...stepMs) },
    applyMs: { median: quantile(applyMs, 0.5) },
    plannerStepMs: { median: quantile(plannerMs, 0.5) },
    memoryMB: { baselineRss: mb(baseline.rss), peakRss: mb(peakRss), baselineHeapUsed: mb(baseline.heapUsed), peakHeapUsed: mb(peakHeap) },
    finalMetrics: game.metrics(state),
  };
}

function benchMarket() {
  const market = generateMarket({ customers: 100, businesses: 300, seed: 1 });
  const game = new MarketplaceGame({ market, maxTicks: 30 });
  const customer = rationalCustomer() as Strategy;
  const business = rationalBusiness() as Strategy;
  const seconds: number[] = [];
  let ticks = 0;
  let actionsPerRun = 0;
  let metrics: Record<string, number> = {};
  for (let r = 0; r < MARKET_RUNS + 1; r++) {
    const rng = Rng.fromSeed(1);
    const start = process.hrtime.bigint();
    let state = game.init(rng);
    let runTicks = 0;
    let runActions = 0;
    for (let phase = game.phase(state); phase; phase = game.phase(state)) {
      const actions = new Map<string, MarketAction>();
      for (const agent of phase.agents) actions.set(agent, (game.isCustomer(agent) ? customer : business).decide(game.observe(state, agent), rng) as MarketAction);
      state = game.apply(state, actions, rng).state;
      runTicks += 1;
      runActions += phase.agents.length;
    }
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (r > 0) seconds.push(elapsed); // the first run warms up the JIT
    ticks = runTicks;
    actionsPerRun = runActions;
    metrics = game.metrics(state);
  }
  const median = quantile(seconds, 0.5);
  return {
    customers: 100,
    businesses: 300,
    runs: MARKET_RUNS,
    ticksPerRun: ticks,
    actionsPerRun,
    medianSeconds: median,
    ticksPerSecond: ticks / median,
    actionsPerSecond: actionsPerRun / median,
    finalMetrics: {
      welfare: metrics.welfare,
      optimal_baseline_welfare: metrics.optimal_baseline_welfare,
      completion_rate: metrics.completion_rate,
      messages: metrics.messages,
      proposals: metrics.proposals,
    },
  };
}

const machine = {
  node: process.version,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  note: `1-minute load average at the start ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (a load near or above the core count means other work shared the machine: treat timings as upper bounds)`,
};
const economy = benchEconomy();
const marketplace = benchMarket();
const engine = await benchEngineEconomy({ workers: 1000, steps: Number(process.env['BENCH_ENGINE_STEPS'] ?? 5), concurrency: 64, latencyMs: [20, 50] });
const result = { date: new Date().toISOString(), machine, economy, marketplace, engineEconomy: engine };
writeFileSync(new URL('../results/markets.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);

const f = (x: number, d = 2): string => x.toFixed(d);
const md = `# Markets benchmark

Games driven directly (init / phase / observe / strategy.decide / apply), scripted agents, no engine. \`npm run bench:markets\`.

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.os}, Node ${machine.node}. ${machine.note}.

## LLM Economist: ${economy.workers} rational workers, ${economy.steps} steps

us-fed brackets, Saez planner every 25 steps (${economy.plannerSteps} planner steps).

| figure | value |
|---|---|
| time per worker step, mean (planner steps included) | ${f(economy.stepMs.mean)} ms |
| time per worker step, median / p95 / max | ${f(economy.stepMs.median)} / ${f(economy.stepMs.p95)} / ${f(economy.stepMs.max)} ms |
| of which apply (median) | ${f(economy.applyMs.median)} ms |
| planner step (median) | ${f(economy.plannerStepMs.median)} ms |
| init (1,000 GB2 skill draws) | ${f(economy.initMs)} ms |
| total | ${f(economy.totalSeconds)} s |
| peak rss / heapUsed | ${economy.memoryMB.peakRss} / ${economy.memoryMB.peakHeapUsed} MB (baseline ${economy.memoryMB.baselineRss} / ${economy.memoryMB.baselineHeapUsed} MB) |

## Marketplace: synthetic ${marketplace.customers} customers × ${marketplace.businesses} businesses

Rational customers (optimal search, top 3 asked, cheapest acceptable paid) and rational businesses; median of ${marketplace.runs} runs.

| figure | value |
|---|---|
| ticks per run (stops at maxTicks = 30 or when every customer has ended) | ${marketplace.ticksPerRun} |
| completion rate (customers who paid) | ${f(marketplace.finalMetrics.completion_rate ?? 0)} |
| ticks per second | ${f(marketplace.ticksPerSecond, 1)} |
| agent actions per second | ${f(marketplace.actionsPerSecond, 0)} |
| run time (median) | ${f(marketplace.medianSeconds * 1000, 1)} ms |
| welfare / optimal baseline | ${f(marketplace.finalMetrics.welfare ?? 0)} / ${f(marketplace.finalMetrics.optimal_baseline_welfare ?? 0)} |

## LLM Economist through the engine: ${engine.workers} model workers, ${engine.steps} steps

\`runExperiment\` with the real roles, prompts (table personas), model stack (pacing concurrency ${engine.concurrencyLimit}, recording)
and trace writer; the workers' model is a scripted client answering \`{"LABOR": 40}\` after a simulated latency of
${engine.latencyMs[0]}–${engine.latencyMs[1]} ms per call; the planner is the scripted hold planner.

| figure | value |
|---|---|
| model calls | ${engine.calls} (status ${engine.status}) |
| wall time | ${f(engine.wallSeconds)} s |
| steps per second | ${f(engine.stepsPerSecond)} |
| calls per second | ${f(engine.callsPerSecond, 0)} |
| labor phase, mean / max | ${f(engine.laborPhaseMs.mean, 0)} / ${f(engine.laborPhaseMs.max, 0)} ms |
| of which before the first call / after the last answer (mean) | ${f(engine.phaseOverheadMs.beforeFirstCall, 0)} / ${f(engine.phaseOverheadMs.afterLastAnswer, 0)} ms |
| serial lower bound (sum of latencies: one call at a time) | ${f(engine.serialLowerBoundSeconds)} s |
| ideal at the limit (serial / ${engine.concurrencyLimit}) | ${f(engine.idealSecondsAtLimit)} s |
| speed-up over serial | ${f(engine.speedupOverSerial, 1)}× |
| achieved concurrency (mean calls in flight during labor phases) / peak / limit | ${f(engine.achievedConcurrency, 1)} / ${engine.peakInFlight} / ${engine.concurrencyLimit} |
| peak rss | ${engine.memoryMB.peakRss} MB (baseline ${engine.memoryMB.baselineRss} MB) |
`;
writeFileSync(new URL('../results/markets.md', import.meta.url), md);
console.log(md);
