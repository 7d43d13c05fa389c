// Log-prob scoring throughput of the local scorer against two forward-pass baselines, on generated models
// (random weights: speed only). Writes bench/results/local-models.{json,md}.
//   fwd0:   the same prompt+continuation tokens decoded with logits at each sequence's last token only;
//   fwdAll: the same decode with logits at every scored position and no readout: the exact-log-prob ceiling
//           (the output head must run at every scored position);
//   scorer: LlamaScorer.score on the same requests, through the native accelerator and through the
//           node-llama-cpp fallback path (one sampler call per position).
// All four run with the same sequences per context and threads, alternating, best of ROUNDS each.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../src/core/rng.js';
import { makeTinyModel, type MakeTinyModelOptions } from '../../src/local-models/gguf/make-tiny-model.js';
import { TOKENIZER_CORPUS } from '../../src/local-models/gguf/tokenizer-corpus.js';
import { LlamaScorer } from '../../src/local-models/llama-scorer.js';
import { disposeLocalModels, getLocalLlama, loadLocalModel } from '../../src/local-models/llama-runtime.js';
import { nativeScorer } from '../../src/local-models/native-scorer.js';
import type { ScoreRequest } from '../../src/local-models/scorer.js';

/** 1 thread only: on this 2-core machine shared by several agents, 2-thread figures are not meaningful. */
const THREADS = 1;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Row {
  model: string;
  parameters: number;
  sequences: number;
  requests: number;
  tokensScored: number;
  tokensEvaluated: number;
  rounds: number;
  /** Evaluated tokens per second. */
  fwd0: number;
  fwdAll: number;
  scorerNative: number;
  scorerFallback: number;
  /** Scored (continuation) tokens per second through the native scorer. */
  scoredPerSecondNative: number;
  scoredPerSecondFallback: number;
  nativeOverFwdAll: number;
  nativeOverFwd0: number;
  fallbackOverFwdAll: number;
  fwdAllOverFwd0: number;
}

function makeRequests(n: number, words: number, seed: number): ScoreRequest[] {
  const rng = Rng.fromSeed(seed, 'bench');
  const vocab = TOKENIZER_CORPUS.split(/\s+/).filter(Boolean);
  return Array.from({ length: n }, (_, i) => ({
    prompt: `Round ${i}: the agents speak.`,
    continuation: ' ' + Array.from({ length: words }, () => rng.pick(vocab)).join(' '),
  }));
}

const loadAtStart = Math.round(os.loadavg()[0]! * 10) / 10;
const rate = (tokens: number, ms: number): number => Math.round((tokens / ms) * 1000);
const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

async function benchModel(label: string, file: string, parameters: number, requests: ScoreRequest[], sequences: number, contextSize: number, rounds: number): Promise<Row> {
  const status = await nativeScorer();
  if (!status.loaded) throw new Error(`bench:local-models needs the native accelerator for its baselines: ${status.notice} (run \`npm run build:native\`)`);
  const fast = await LlamaScorer.create({ model: file, parallel: sequences, threads: THREADS, contextSize });
  const slow = await LlamaScorer.create({ model: file, parallel: sequences, threads: THREADS, contextSize, native: false });
  if (fast.path !== 'native') throw new Error('the scorer did not take the native path');
  const { model } = await loadLocalModel(file);
  const jobs = requests.map((r) => ({ prompt: fast.promptTokens(r.prompt), cont: model.tokenize(r.continuation, false, 'trimLeadingSpace') }));
  const offsets = new Int32Array(jobs.length + 1);
  const firsts = new Int32Array(jobs.length);
  jobs.forEach((j, i) => {
    offsets[i + 1] = offsets[i]! + j.prompt.length + j.cont.length;
    firsts[i] = j.prompt.length;
  });
  const tokens = new Int32Array(offsets[jobs.length]!);
  jobs.forEach((j, i) => tokens.set([...j.prompt, ...j.cont], offsets[i]));
  const scored = jobs.reduce((n, j) => n + j.cont.length, 0);
  const evaluated = tokens.length;
  const handle = status.binding.open(file, THREADS, contextSize, sequences, 0);

  const time = async (f: () => Promise<unknown>): Promise<number> => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  const best = { fwd0: Infinity, fwdAll: Infinity, native: Infinity, fallback: Infinity };
  await fast.score(requests.slice(0, sequences)); // warm up
  await slow.score(requests.slice(0, sequences));
  for (let round = 0; round < rounds; round++) {
    best.fwd0 = Math.min(best.fwd0, await time(() => status.binding.run(handle, tokens, offsets, firsts, 2, 0)));
    best.fwdAll = Math.min(best.fwdAll, await time(() => status.binding.run(handle, tokens, offsets, firsts, 1, 0)));
    best.native = Math.min(best.native, await time(() => fast.score(requests)));
    best.fallback = Math.min(best.fallback, await time(() => slow.score(requests)));
  }
  const row: Row = {
    model: label,
    parameters,
    sequences,
    requests: requests.length,
    tokensScored: scored,
    tokensEvaluated: evaluated,
    rounds,
    fwd0: rate(evaluated, best.fwd0),
    fwdAll: rate(evaluated, best.fwdAll),
    scorerNative: rate(evaluated, best.native),
    scorerFallback: rate(evaluated, best.fallback),
    scoredPerSecondNative: rate(scored, best.native),
    scoredPerSecondFallback: rate(scored, best.fallback),
    nativeOverFwdAll: ratio(best.fwdAll, best.native),
    nativeOverFwd0: ratio(best.fwd0, best.native),
    fallbackOverFwdAll: ratio(best.fwdAll, best.fallback),
    fwdAllOverFwd0: ratio(best.fwd0, best.fwdAll),
  };
  console.log(row);
  return row;
}

async function writeResults(rows: Row[]): Promise<void> {
  const llama = await getLocalLlama('auto');
  const machine = {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage1mAtStart: loadAtStart,
    loadAverage1m: Math.round(os.loadavg()[0]! * 10) / 10,
    backend: llama.gpu === false ? 'cpu' : llama.gpu,
    gpu: 'none: no GPU was lent to this task, CPU only',
    threads: THREADS,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/local-models.json', `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
  const md = [
    '# Local-model scoring throughput',
    '',
    `Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; backend ${machine.backend}; ${machine.gpu}.`,
    `1 thread per context. 2-thread figures are not reported: this 2-core machine is shared by several agents, so a second thread measures the neighbours, not llama.cpp. 1-minute load average ${loadAtStart} at the start, ${machine.loadAverage1m} at the end (the machine was shared and loaded; the four measurements of a row alternate in one run, best of the rounds each, so compare within a row).`,
    '',
    '- fwd0: the same prompt+continuation tokens decoded with logits only at each sequence\'s last token.',
    '- fwdAll: the same decode with logits at every scored position and no readout: the ceiling of exact log-prob scoring.',
    '- native: `LlamaScorer.score` through the native accelerator (native/; one call, log-softmax in C). fallback: the node-llama-cpp path (one sampler call per position). Both include tokenizing the requests and building the results; fwd0 and fwdAll get the token ids ready-made, through the same native decode loop (same sequences per decode, same batch and micro-batch sizes).',
    '- Rates are evaluated tokens/s (prompts + continuations); "scored tok/s" counts continuation tokens only. Ratios are of throughput.',
    '',
    '| model | params | seqs | requests | tokens scored / evaluated | fwd0 tok/s | fwdAll tok/s | native tok/s | fallback tok/s | native scored tok/s | fallback scored tok/s | native / fwdAll | native / fwd0 | fallback / fwdAll | fwdAll / fwd0 | rounds |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.model} | ${(r.parameters / 1e6).toFixed(1)}M | ${r.sequences} | ${r.requests} | ${r.tokensScored} / ${r.tokensEvaluated} | ${r.fwd0} | ${r.fwdAll} | ${r.scorerNative} | ${r.scorerFallback} | ${r.scoredPerSecondNative} | ${r.scoredPerSecondFallback} | **${r.nativeOverFwdAll}** | ${r.nativeOverFwd0} | ${r.fallbackOverFwdAll} | ${r.fwdAllOverFwd0} | ${r.rounds} |`),
    '',
    'Target (issue 17): native scorer >= 0.9 of fwdAll on CPU for the tiny and ~60M models.',
    'GPU: not measured (no device was lent to this task).',
    '',
  ].join('\n');
  writeFileSync('bench/results/local-models.md', md);
  console.log(md);
}

const only = process.env.BENCH_MODELS?.split(',');
const dir = mkdtempSync(join(os.tmpdir(), 'polis-bench-'));
try {
  // [label, options, requests, words, sequences, context, rounds]
  const models: Array<[string, string, MakeTinyModelOptions, number, number, number, number, number]> = [
    ['tiny', 'tiny random f32 (embd 64, 2 layers, vocab 454)', { kind: 'random', seed: 1 }, 64, 60, 8, 512, ROUNDS],
    ['60m', 'generated ~60M f16 (embd 512, 8 layers, 8 heads, ff 1408, vocab 32000)', { kind: 'random', seed: 1, f16: true, sizes: { embd: 512, layers: 8, heads: 8, ff: 1408, context: 512 }, vocab: 32000 }, 24, 60, 8, 512, ROUNDS],
    // Qwen2.5-0.5B's shape (embd 896, 24 layers, 14 heads of 64, ff 4864, vocab 151936) without its grouped
    // K/V heads and with an untied output head: ~0.63B parameters. Short run: few tokens, one round.
    ['0.5b', 'generated ~0.6B f16 shaped like Qwen2.5-0.5B (embd 896, 24 layers, 14 heads, ff 4864, vocab 151936)', { kind: 'random', seed: 1, f16: true, sizes: { embd: 896, layers: 24, heads: 14, ff: 4864, context: 256 }, vocab: 151936 }, 8, 24, 4, 128, 1],
  ];
  const rows: Row[] = [];
  for (const [i, [key, label, options, n, words, sequences, context, rounds]] of models.entries()) {
    if (only && !only.includes(key)) continue;
    const file = join(dir, `${i}.gguf`);
    const t = performance.now();
    const info = makeTinyModel(file, options);
    console.log(`${label}: generated ${info.bytes} bytes in ${Math.round(performance.now() - t)} ms`);
    rows.push(await benchModel(label, file, info.parameters, makeRequests(n, words, 7), sequences, context, rounds));
    await disposeLocalModels();
    rmSync(file, { force: true });
    await writeResults(rows); // after each model: a long run killed midway keeps what it measured
  }
} finally {
  await disposeLocalModels();
  rmSync(dir, { recursive: true, force: true });
}
