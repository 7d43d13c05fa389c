// The node-llama-cpp Scorer: teacher-forced log-probabilities of continuations. Requests with the same
// prompt share one evaluation of the prompt prefix; groups run on several sequences of one context at once.
import { basename } from 'node:path';
import type { LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import { LocalModelError } from '../core/errors/local-model-error.js';
import { renderChatPrompt, renderTextPrompt } from './chat-prompt.js';
import { loadLocalModel, resolveThreads, type LocalRuntimeOptions } from './llama-runtime.js';
import type { ScoreRequest, ScoreResult, Scorer } from './scorer.js';
import { nativeScorer, type NativeHandle, type NativeScorerBinding } from './native-scorer.js';
import { SequencePool } from './sequence-pool.js';
import { teacherForcedLogprobs } from './teacher-forced-logprobs.js';

export interface LlamaScorerOptions extends LocalRuntimeOptions {
  /** Path of the GGUF model file. */
  model: string;
  /** CPU threads for the context. @default 1 on CPU (see README: the thread pitfall), library default on GPU */
  threads?: number;
  /** Sequences evaluated concurrently (one context, one KV slot each). @default 8 */
  parallel?: number;
  /** Tokens per sequence: prompt plus continuation must fit. @default min(512, the model's training context) */
  contextSize?: number;
  /** Identity recorded with rewards. @default `local:<file name>` */
  modelId?: string;
  /** Use the native accelerator when it is built and matches (CPU only). `false` forces the node-llama-cpp path. @default true */
  native?: boolean;
}

interface NativePath {
  binding: NativeScorerBinding;
  handle: NativeHandle;
  /** Calls on one handle run one after another. */
  queue: Promise<unknown>;
}

interface Prepared {
  index: number;
  prompt: Token[];
  continuation: Token[];
}

export class LlamaScorer implements Scorer {
  private constructor(
    readonly modelId: string,
    readonly file: string,
    private readonly model: LlamaModel,
    private readonly contextSize: number,
    private readonly parallel: number,
    private readonly threads: number | undefined,
    private native: NativePath | undefined,
    private pool: Promise<SequencePool> | undefined,
  ) {}

  private readonly pieces = new Map<number, string>();

  /** Which path scores: the native accelerator or node-llama-cpp's sampler (the fallback). */
  get path(): 'native' | 'node-llama-cpp' {
    return this.native ? 'native' : 'node-llama-cpp';
  }

  static async create(options: LlamaScorerOptions): Promise<LlamaScorer> {
    const { model, llama, header } = await loadLocalModel(options.model, options);
    const trained = Number(header.metadata[`${header.metadata['general.architecture']}.context_length`]) || 512;
    const contextSize = options.contextSize ?? Math.min(512, trained);
    const parallel = options.parallel ?? 8;
    const threads = resolveThreads(llama, options.threads);
    let native: NativePath | undefined;
    if (options.native !== false && llama.gpu === false) {
      const status = await nativeScorer();
      if (status.loaded) {
        try {
          native = { binding: status.binding, handle: status.binding.open(options.model, threads ?? 1, contextSize, parallel, 0), queue: Promise.resolve() };
        } catch (error) {
          console.warn(`polis: native scoring accelerator failed to open ${options.model} (${(error as Error).message}); scoring through node-llama-cpp.`);
        }
      }
    }
    const scorer = new LlamaScorer(options.modelId ?? `local:${basename(options.model)}`, options.model, model, contextSize, parallel, threads, native, undefined);
    // the node-llama-cpp context (KV cache, threads) is opened only when that path scores: now, or when the
    // accelerator fails later
    if (!native) await scorer.fallbackPool();
    return scorer;
  }

  /** The node-llama-cpp sequences of the fallback path, opened on first use. */
  private fallbackPool(): Promise<SequencePool> {
    this.pool ??= this.model
      .createContext({
        contextSize: this.contextSize,
        sequences: this.parallel,
        threads: this.threads,
        flashAttention: false, // bit-identical scores whatever the batching (see README)
      })
      .then(
        (context) => new SequencePool(context),
        (error: unknown) => {
          this.pool = undefined;
          throw new LocalModelError('context-failed', this.file, `could not create a scoring context: ${(error as Error).message}`, { cause: error });
        },
      );
    return this.pool;
  }

  /** The token ids a prompt renders to (chat prompts through the model's template). */
  promptTokens(prompt: ScoreRequest['prompt']): Token[] {
    return typeof prompt === 'string' ? renderTextPrompt(this.model, prompt) : renderChatPrompt(this.model, prompt);
  }

  private prepare(r: ScoreRequest, index: number): Prepared {
    const prompt = this.promptTokens(r.prompt);
    const continuation = this.model.tokenize(r.continuation, false, 'trimLeadingSpace');
    if (prompt.length === 0) throw new LocalModelError('generation-failed', this.file, `score request ${index}: the prompt renders to no tokens`);
    if (prompt.length + continuation.length > this.contextSize) {
      throw new LocalModelError('context-failed', this.file, `score request ${index} needs ${prompt.length + continuation.length} tokens; a sequence holds ${this.contextSize} (raise contextSize)`);
    }
    return { index, prompt, continuation };
  }

  async score(requests: readonly ScoreRequest[]): Promise<ScoreResult[]> {
    const prepared = requests.map((r, index) => this.prepare(r, index));
    const results: ScoreResult[] = new Array(requests.length);
    if (this.native) {
      const native = this.native;
      const run = native.queue.then(() => this.scoreNative(native, prepared, results));
      native.queue = run.catch(() => undefined);
      try {
        await run;
        return results;
      } catch (error) {
        this.native = undefined;
        console.warn(`polis: native scoring accelerator failed (${(error as Error).message}); scoring through node-llama-cpp from now on.`);
      }
    }
    const pool = await this.fallbackPool();
    await Promise.all(this.jobs(prepared, pool.size).map((job) => pool.use((seq) => this.runJob(seq, job, results))));
    return results;
  }

  /**
   * Every request as one job (prompt + continuation) of one native call: one batched decode, C-side
   * log-softmax. One call for all (not one per wave, with the next wave tokenized while one decodes): on
   * this project's 2-core machine, the overlap slowed the decode more than it hid (bench/results/local-models.md).
   */
  private async scoreNative(native: NativePath, prepared: Prepared[], results: ScoreResult[]): Promise<void> {
    const jobs = prepared.filter((p) => p.continuation.length > 0);
    const offsets = new Int32Array(jobs.length + 1);
    const firsts = new Int32Array(jobs.length);
    jobs.forEach((p, j) => {
      offsets[j + 1] = (offsets[j] as number) + p.prompt.length + p.continuation.length;
      firsts[j] = p.prompt.length;
    });
    const tokens = new Int32Array(offsets[jobs.length] as number);
    jobs.forEach((p, j) => {
      tokens.set(p.prompt, offsets[j]);
      tokens.set(p.continuation, (offsets[j] as number) + p.prompt.length);
    });
    const { logprobs } = jobs.length === 0 ? { logprobs: new Float64Array(0) } : await native.binding.run(native.handle, tokens, offsets, firsts, 0, 0);
    let at = 0;
    for (const p of prepared) {
      const values = Array.from(logprobs.subarray(at, at + p.continuation.length));
      at += p.continuation.length;
      results[p.index] = this.result(p.continuation, p.prompt.at(-1) as Token, values);
    }
  }

  /** Text of `token` after `previous` (SPM spacing depends on it); cached: one native call per pair ever. */
  private piece(previous: Token, token: Token): string {
    const key = previous * 2 ** 26 + token; // one number per pair while ids stay below 2^26
    let text = this.pieces.get(key);
    if (text === undefined) {
      text = this.model.detokenize([token], false, [previous]);
      if (this.pieces.size >= 100_000) this.pieces.clear();
      this.pieces.set(key, text);
    }
    return text;
  }

  private result(tokens: Token[], last: Token, logprobs: number[]): ScoreResult {
    const total = logprobs.reduce((a, b) => a + b, 0);
    return {
      tokens: tokens.map((t, j) => this.piece(j === 0 ? last : (tokens[j - 1] as Token), t)),
      logprobs,
      total,
      mean: logprobs.length === 0 ? 0 : total / logprobs.length,
    };
  }

  /** Groups by prompt, then splits big groups so that every sequence has work (each part re-reads its prefix once). */
  private jobs(prepared: Prepared[], sequences: number): Prepared[][] {
    const groups = new Map<string, Prepared[]>();
    for (const p of prepared) {
      const key = p.prompt.join(',');
      const group = groups.get(key);
      if (group) group.push(p);
      else groups.set(key, [p]);
    }
    const jobs: Prepared[][] = [];
    const share = Math.max(1, Math.ceil(prepared.length / sequences));
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i += share) jobs.push(group.slice(i, i + share));
    }
    return jobs;
  }

  private async runJob(seq: LlamaContextSequence, job: Prepared[], results: ScoreResult[]): Promise<void> {
    const prompt = (job[0] as Prepared).prompt;
    const last = prompt.at(-1) as Token;
    await seq.evaluateWithoutGeneratingNewTokens(prompt.slice(0, -1));
    const keep = seq.nextTokenIndex;
    for (const p of job) {
      const tokens = p.continuation;
      let logprobs: number[];
      try {
        logprobs = await teacherForcedLogprobs(seq, last, tokens);
      } catch (error) {
        throw new LocalModelError('generation-failed', this.file, `scoring failed: ${(error as Error).message}`, { cause: error });
      }
      if (tokens.length > 0) await seq.eraseContextTokenRanges([{ start: keep, end: seq.nextTokenIndex }]);
      results[p.index] = this.result(tokens, last, logprobs);
    }
  }
}

/** Load (or reuse) the model and create a scorer over it. */
export const createLlamaScorer = (options: LlamaScorerOptions): Promise<LlamaScorer> => LlamaScorer.create(options);
