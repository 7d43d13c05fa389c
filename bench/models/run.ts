// Model-layer benchmark. (a) Throughput: 2,000 calls through the real `openai` client and the full
// wrapper stack against a local server with fixed latency and a server-enforced rate limit; pacing is
// set to the same limits. (b) Overhead: the whole stack around a zero-latency scripted model, per call.
// `npm run bench:models` writes bench/results/models.json and models.md.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { z } from 'zod';
import type { ModelClient, ModelRequest } from '../../src/models/model.js';
import { OpenAIClient } from '../../src/models/openai/openai-client.js';
import { ScriptedClient } from '../../src/models/scripted/scripted-client.js';
import { createModelStack } from '../../src/models/wrappers/create-model-stack.js';
import { PacingRegistry } from '../../src/models/wrappers/with-pacing.js';
import { startRateLimitedServer } from './rate-limited-server.js';

const CALLS = 2000;
const LATENCY_MS = 20;
const RPM = 6000; // 100 requests per second
const WINDOW_MS = 1000;
const CONCURRENCY = 8;
const OVERHEAD_CALLS = 20_000;
const WARMUP = 3000;
const ROUNDS = 5;

async function throughput(paceRate: boolean) {
  const server = await startRateLimitedServer({ latencyMs: LATENCY_MS, requestsPerWindow: (RPM * WINDOW_MS) / 60_000, windowMs: WINDOW_MS });
  const records: unknown[] = [];
  const stack = createModelStack(new OpenAIClient({ model: 'bench-model', baseURL: `${server.url}/v1`, apiKey: 'k', timeout: 10_000 }), {
    pacing: { concurrency: CONCURRENCY, ...(paceRate ? { requestsPerMinute: RPM, windowMs: WINDOW_MS } : {}), registry: new PacingRegistry() },
    retry: { maxAttempts: 10 },
    cache: {},
    recording: { onCall: (r) => void records.push(r) },
  });
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: CALLS }, (_, i) =>
      stack.generate({ messages: [{ role: 'user', content: `call ${i}` }], call: { agentId: `agent-${i % 50}`, turn: Math.floor(i / 50) } }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  await server.close();
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  const retried = results.filter((r) => r.status === 'fulfilled' && r.value.attempts.length > 1).length;
  const ceiling = Math.min(RPM / 60, CONCURRENCY / (LATENCY_MS / 1000));
  const achieved = ok / seconds;
  // The bucket starts full, so the fastest possible run serves one window's worth at once and the rest
  // at the rate: a stricter yardstick than calls / ceiling.
  const burst = (RPM * WINDOW_MS) / 60_000;
  const idealSeconds = Math.max((CALLS - burst) / (RPM / 60), CALLS / (CONCURRENCY / (LATENCY_MS / 1000))) + LATENCY_MS / 1000;
  return {
    pacedRate: paceRate, calls: CALLS, latencyMs: LATENCY_MS, requestsPerMinute: RPM, windowMs: WINDOW_MS, concurrency: CONCURRENCY,
    seconds: round(seconds, 3), succeeded: ok, lost: CALLS - ok, recorded: records.length,
    server429: server.stats.rejected, callsRetried: retried, serverMaxInFlight: server.stats.maxInFlight,
    ceilingPerSecond: ceiling, achievedPerSecond: round(achieved, 2), fractionOfCeiling: round(achieved / ceiling, 4), idealSeconds: round(idealSeconds, 3), fractionOfIdealTime: round(idealSeconds / seconds, 4),
  };
}

async function overhead(structured: boolean) {
  const Schema = z.object({ action: z.enum(['C', 'D']) });
  const bare = new ScriptedClient({ fallback: structured ? { object: { action: 'C' } } : 'ok' });
  const stack = createModelStack(new ScriptedClient({ fallback: structured ? { object: { action: 'C' } } : 'ok' }), {
    pacing: { concurrency: 8, registry: new PacingRegistry() },
    retry: {},
    cache: {},
    usage: {},
    recording: { onCall: () => {} },
  });
  const request = (i: number): ModelRequest => ({
    messages: [{ role: 'system', content: 'You are agent 7, a worker.' }, { role: 'user', content: `Round ${i}: cooperate or defect?` }],
    ...(structured ? { output: { schema: Schema, name: 'move' } } : {}),
    call: { agentId: 'agent-7', turn: i, purpose: 'act' },
  });
  const run = async (client: ModelClient, from: number, n: number) => {
    const t = performance.now();
    for (let i = from; i < from + n; i++) await client.generate(request(i));
    return ((performance.now() - t) * 1000) / n;
  };
  await run(bare, 0, WARMUP);
  await run(stack, 0, WARMUP);
  // Requests are distinct (turn = i) so every call misses the cache and walks the whole stack. Rounds
  // alternate bare and stack so both see the same load on a shared machine.
  const bareRounds: number[] = [];
  const stackRounds: number[] = [];
  const per = OVERHEAD_CALLS / ROUNDS;
  for (let r = 0; r < ROUNDS; r++) {
    bareRounds.push(await run(bare, WARMUP + r * per, per));
    stackRounds.push(await run(stack, WARMUP + r * per, per));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const best = (xs: number[]) => Math.min(...xs);
  return {
    structured, calls: OVERHEAD_CALLS, warmup: WARMUP, rounds: ROUNDS,
    bareMicros: round(mean(bareRounds), 2), stackMicros: round(mean(stackRounds), 2), overheadMicros: round(mean(stackRounds) - mean(bareRounds), 2),
    bestRoundOverheadMicros: round(best(stackRounds) - best(bareRounds), 2),
  };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

const machine = {
  node: process.version,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: round(os.totalmem() / 2 ** 30, 1),
  loadAverage1m: round(os.loadavg()[0] ?? 0, 2),
};

const a = await throughput(true);
const unpaced = await throughput(false);
const plain = await overhead(false);
const structured = await overhead(true);
const result = { date: new Date().toISOString(), machine, throughput: a, throughputWithoutRatePacing: unpaced, overhead: [plain, structured] };
writeFileSync('bench/results/models.json', `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  'bench/results/models.md',
  `# Models benchmark

\`npm run bench:models\` (bench/models/run.ts), ${result.date.slice(0, 10)}.

## (a) Throughput under a rate limit

${a.calls} calls through the real \`openai\` client and the full stack (structured output, recording, usage, cache,
retry, pacing) against a local chat.completions server that answers after ${a.latencyMs} ms and allows
${a.requestsPerMinute} requests per minute (a token bucket holding ${a.windowMs} ms worth of requests, refilled continuously;
429 with retry-after-ms and retry-after when empty). The server runs in a worker thread, so its clock is not the client's event loop.
Pacing is set to the same limits, concurrency ${a.concurrency}.

| ceiling calls/s = min(rate, concurrency / latency) | achieved calls/s | fraction (target >= 0.95) | seconds | ideal seconds | ideal / actual time | succeeded | lost | server 429s | calls retried | recorded |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| ${a.ceilingPerSecond} | ${a.achievedPerSecond} | ${a.fractionOfCeiling} | ${a.seconds} | ${a.idealSeconds} | ${a.fractionOfIdealTime} | ${a.succeeded} | ${a.lost} | ${a.server429} | ${a.callsRetried} | ${a.recorded} |

"Ideal seconds" is the fastest any client could finish against this server: the full bucket at once, the rest at the
rate. Pacing keeps each admission in its window ${WINDOW_MS / 40} ms longer than the window (the default margin of
windowMs / 40 for transit time), which costs up to 2.5% of the rate by design.

For comparison, the same run with pacing limited to concurrency ${CONCURRENCY} but no rate pacing, leaving the limit to
429s and the retry layer (retry-after honoured, up to 10 attempts): ${unpaced.achievedPerSecond} calls/s
(fraction ${unpaced.fractionOfCeiling}, ideal / actual time ${unpaced.fractionOfIdealTime}), ${unpaced.server429} server 429s, ${unpaced.callsRetried} calls retried, ${unpaced.lost} lost.

## (b) Overhead of the whole stack

Mean per call over ${plain.calls} sequential calls (${plain.rounds} rounds, alternating with the bare model) after ${plain.warmup} warm-up calls, zero-latency scripted model,
every call a cache miss (distinct turns), all six layers on (target < 50 µs).

| request | bare model µs/call | full stack µs/call | overhead µs/call (mean of all) | overhead µs/call (best round) |
|---|---:|---:|---:|---:|
| plain text | ${plain.bareMicros} | ${plain.stackMicros} | ${plain.overheadMicros} | ${plain.bestRoundOverheadMicros} |
| structured (zod object) | ${structured.bareMicros} | ${structured.stackMicros} | ${structured.overheadMicros} | ${structured.bestRoundOverheadMicros} |

Machine: Node ${machine.node}, ${machine.os}, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB;
1-minute load average ${machine.loadAverage1m} when measured (the machine is shared with other jobs).
`,
);
console.log(JSON.stringify(result, null, 2));
