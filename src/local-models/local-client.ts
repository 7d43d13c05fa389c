// The `local` provider: a ModelClient over a GGUF model run in-process by node-llama-cpp. Every client of
// the same file shares one loaded model and one context whose sequences serve concurrent requests; each
// request renders its messages with the model's chat template into a fresh history.
import { resolve } from 'node:path';
import { LlamaChatSession, type Token } from 'node-llama-cpp';
import { AbortedError } from '../core/errors/aborted-error.js';
import { LocalModelError } from '../core/errors/local-model-error.js';
import type { FinishReason, ModelCapabilities, ModelClient, ModelRequest, ModelResponse, Usage } from '../models/model.js';
import { chatWrapperFor, renderChatPrompt, toHistoryItem } from './chat-prompt.js';
import { checkModelFile, loadLocalModel, resolveThreads, type LocalRuntimeOptions } from './llama-runtime.js';
import { SequencePool } from './sequence-pool.js';
import { grammarFor, parseStructured } from './structured-output.js';
import { teacherForcedLogprobs } from './teacher-forced-logprobs.js';

export interface LocalClientOptions extends LocalRuntimeOptions {
  /** GGUF file. @default the POLIS_MODEL environment variable */
  model?: string;
  /** CPU threads of the shared context. @default 1 on CPU, library default on GPU */
  threads?: number;
  /** Concurrent requests served by one loaded model (context sequences). @default 4 */
  sequences?: number;
  /** Tokens per sequence (prompt + answer). @default min(2048, the model's training context) */
  contextSize?: number;
  /** @default `<file name>` */
  modelId?: string;
  /** Where POLIS_MODEL is read from. @default process.env */
  env?: NodeJS.ProcessEnv;
}

/** `providerOptions.local` of a request. */
export interface LocalRequestOptions {
  /** A GBNF grammar constraining the answer (takes precedence over the output schema's grammar). */
  grammar?: string;
  /** Return the raw model log-probability of each generated token (one extra teacher-forced pass). */
  logprobs?: boolean;
}

const pools = new Map<string, Promise<SequencePool>>();

export class LocalModelClient implements ModelClient {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'local';
  readonly modelId: string;
  readonly capabilities: ModelCapabilities = { structuredOutput: true, logprobs: true, seed: true };
  readonly file: string;

  constructor(private readonly options: LocalClientOptions = {}) {
    const file = options.model ?? (options.env ?? process.env).POLIS_MODEL;
    if (!file) throw new LocalModelError('not-found', undefined, 'no local model file: use the spec local:/path/model.gguf or set POLIS_MODEL');
    checkModelFile(file); // fail early and clearly; llama.cpp would abort the process on some malformed files
    this.file = file;
    this.modelId = options.modelId ?? file.split(/[\\/]/).at(-1) ?? file;
  }

  private pool(): Promise<SequencePool> {
    const o = this.options;
    const key = [resolve(this.file), o.gpu, o.gpuLayers, o.threads, o.sequences, o.contextSize].join('\u0000');
    let pool = pools.get(key);
    if (!pool) {
      pool = (async () => {
        const { model, llama, header } = await loadLocalModel(this.file, o);
        const trained = Number(header.metadata[`${header.metadata['general.architecture']}.context_length`]) || 2048;
        try {
          const context = await model.createContext({
            contextSize: o.contextSize ?? Math.min(2048, trained),
            sequences: o.sequences ?? 4,
            threads: resolveThreads(llama, o.threads),
          });
          return new SequencePool(context);
        } catch (error) {
          throw new LocalModelError('context-failed', this.file, `could not create a context: ${(error as Error).message}`, { cause: error });
        }
      })();
      pool.catch(() => pools.delete(key));
      pools.set(key, pool);
    }
    return pool;
  }

  async generate<T = unknown>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
    const last = request.messages.at(-1);
    if (last?.role !== 'user') throw new LocalModelError('generation-failed', this.file, 'the last message of a request must be a user message');
    const { model, llama } = await loadLocalModel(this.file, this.options);
    const local = (request.providerOptions?.local ?? {}) as LocalRequestOptions;
    const grammar = await grammarFor(llama, this.file, request.output, local.grammar);
    const pool = await this.pool();
    const started = Date.now();
    return pool.use(async (sequence) => {
      const session = new LlamaChatSession({ contextSequence: sequence, chatWrapper: chatWrapperFor(model), autoDisposeSequence: false });
      const generated: Token[] = [];
      let meta: Awaited<ReturnType<LlamaChatSession['promptWithMeta']>>;
      try {
        session.setChatHistory(request.messages.slice(0, -1).map(toHistoryItem));
        const s = request.sampling ?? {};
        meta = await session.promptWithMeta(last.content, {
          grammar: grammar?.grammar,
          maxTokens: s.maxTokens,
          temperature: s.temperature,
          topP: s.topP,
          seed: s.seed,
          customStopTriggers: s.stop,
          signal: request.signal,
          onToken: (tokens) => generated.push(...tokens),
        });
      } catch (error) {
        if (request.signal?.aborted) throw new AbortedError('local generation cancelled', { cause: error });
        throw new LocalModelError('generation-failed', this.file, `generation failed: ${(error as Error).message}`, { cause: error });
      } finally {
        session.dispose({ disposeSequence: false });
      }
      const prompt = renderChatPrompt(model, request.messages);
      const usage: Usage = {
        inputTokens: prompt.length,
        outputTokens: generated.length,
        cachedInputTokens: 0,
        reasoningTokens: 0,
      };
      const finishReason: FinishReason = meta.stopReason === 'maxTokens' ? 'length' : meta.stopReason === 'functionCalls' ? 'tool-calls' : 'stop';
      const text = meta.responseText;
      const response: ModelResponse<T> = {
        text,
        usage,
        finishReason,
        provider: this.provider,
        modelId: this.modelId,
        attempts: [{ attempt: 1, ok: true, durationMs: Date.now() - started }],
      };
      if (request.output) response.object = parseStructured(text, request.output, grammar, usage, finishReason);
      if (local.logprobs) {
        await sequence.clearHistory();
        await sequence.evaluateWithoutGeneratingNewTokens(prompt.slice(0, -1));
        const lps = await teacherForcedLogprobs(sequence, prompt.at(-1) as Token, generated);
        response.logprobs = generated.map((t, j) => ({ token: model.detokenize([t]), logprob: lps[j] as number }));
      }
      return response;
    });
  }
}

/** Factory for the provider registry: `local:<path.gguf>` → a LocalModelClient (spec rest = the path). */
export const localProviderFactory = (modelPath: string, options: Omit<LocalClientOptions, 'model'> = {}): LocalModelClient =>
  new LocalModelClient({ ...options, ...(modelPath ? { model: modelPath } : {}) });
