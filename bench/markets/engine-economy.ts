// The LLM Economist through the real engine path (runExperiment -> runGame -> model policies -> the model stack
// with pacing -> a scripted model with simulated latency): 1,000 model workers, a scripted hold planner.
// Measures steps/s and calls/s, and compares the achieved concurrency (time-averaged calls in flight) with the
// configured limit and with the serial lower bound (the sum of all latencies, what one-at-a-time calls would take).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { gameRegistry } from '../../src/games/registry.js';
import { ScriptedClient } from '../../src/models/scripted/scripted-client.js';
import { createModelStack } from '../../src/models/wrappers/create-model-stack.js';

export interface EngineEconomyOptions {
  /** Model workers. @default 1000 */
  workers?: number;
  /** Worker steps (each one simultaneous phase of `workers` calls). @default 5 */
  steps?: number;
  /** The config's `models.concurrency`. @default 64 */
  concurrency?: number;
  /** Simulated latency range per call, ms (a fixed pseudo-random value per call index). @default [20, 50] */
  latencyMs?: readonly [number, number];
}

export async function benchEngineEconomy(options: EngineEconomyOptions = {}) {
  const workers = options.workers ?? 1000;
  const steps = options.steps ?? 5;
  const concurrency = options.concurrency ?? 64;
  const [lo, hi] = options.latencyMs ?? [20, 50];
  const latencyOf = (i: number): number => lo + ((i * 2654435761) % 4294967296) % (hi - lo + 1);

  let inFlight = 0;
  let peakInFlight = 0;
  let lastChange = 0;
  let inFlightArea = 0; // ∫ calls-in-flight dt, ms
  let latencySum = 0;
  // Per labor phase: when the first call started and the last one answered (splits CPU work from waiting).
  let firstCall = 0;
  let lastAnswer = 0;
  const beforeCalls: number[] = [];
  const afterCalls: number[] = [];
  const tick = (delta: number): void => {
    const now = performance.now();
    if (delta > 0 && firstCall === 0) firstCall = now;
    if (delta < 0) lastAnswer = now;
    inFlightArea += inFlight * (now - lastChange);
    lastChange = now;
    inFlight += delta;
    peakInFlight = Math.max(peakInFlight, inFlight);
  };
  const client = new ScriptedClient({
    // Called as the call starts (before the simulated latency), so it marks the call as in flight.
    latencyMs: (index) => {
      tick(+1);
      const ms = latencyOf(index);
      latencySum += ms;
      return ms;
    },
    respond: () => {
      tick(-1);
      return { text: '{"LABOR": 40}' };
    },
  });
  const config = validateConfig({
    name: 'bench-engine-economy',
    game: 'llm-economist',
    seed: 1,
    params: { steps, brackets: 'us-fed', plannerPeriod: 25, personas: 'table' },
    agents: [{ id: 'planner', policy: { strategy: 'hold-planner' } }, { id: 'worker', count: workers }],
    models: { concurrency },
  });
  const out = mkdtempSync(join(tmpdir(), 'polis-bench-economy-'));
  let peakRss = process.memoryUsage().rss;
  const baselineRss = peakRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const phaseMs: number[] = [];
  let phaseStart = 0;
  const t0 = performance.now();
  lastChange = t0;
  const run = await runExperiment({
    config,
    out,
    games: gameRegistry,
    buildModel: (_spec, { record, config: c }) => createModelStack(client, { recording: { onCall: record }, pacing: { concurrency: c.models.concurrency } }),
    hooks: {
      'turn-start': () => {
        phaseStart = performance.now();
        firstCall = 0;
      },
      'turn-end': ({ phase }) => {
        if (phase.label !== 'labor') return;
        const end = performance.now();
        phaseMs.push(end - phaseStart);
        beforeCalls.push(firstCall - phaseStart);
        afterCalls.push(end - lastAnswer);
      },
    },
  });
  const wallMs = performance.now() - t0;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  rmSync(out, { recursive: true, force: true });
  const calls = client.calls;
  const callMs = phaseMs.reduce((a, b) => a + b, 0);
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  const mb = (b: number): number => Math.round((b / 2 ** 20) * 10) / 10;
  return {
    workers,
    steps,
    status: run.status,
    concurrencyLimit: concurrency,
    latencyMs: [lo, hi],
    calls,
    wallSeconds: wallMs / 1000,
    stepsPerSecond: steps / (wallMs / 1000),
    callsPerSecond: calls / (wallMs / 1000),
    laborPhaseMs: { mean: callMs / phaseMs.length, max: Math.max(...phaseMs) },
    /** Mean ms from phase start to the first call (observations, first prompt render) and from the last answer to the phase's end (apply, trace writes, memories). */
    phaseOverheadMs: { beforeFirstCall: mean(beforeCalls), afterLastAnswer: mean(afterCalls) },
    /** Sum of all simulated latencies: the wall time if calls ran one at a time. */
    serialLowerBoundSeconds: latencySum / 1000,
    /** The best the limit allows: serial time / limit. */
    idealSecondsAtLimit: latencySum / 1000 / concurrency,
    /** Calls in flight averaged over the labor phases (∫ in-flight dt / phase time). */
    achievedConcurrency: inFlightArea / callMs,
    peakInFlight,
    speedupOverSerial: latencySum / wallMs,
    memoryMB: { baselineRss: mb(baselineRss), peakRss: mb(peakRss) },
  };
}
