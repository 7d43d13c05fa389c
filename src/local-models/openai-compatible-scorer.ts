// Remote scoring: teacher-forced log-probs from an OpenAI-compatible completion server (vLLM, llama.cpp
// server, ...) through `/v1/completions` with `echo: true` and `logprobs`: the server returns the log-prob
// of every prompt token, and we send prompt + continuation as the prompt. Requests go in batches (a list of
// prompts per call) through the model layer's pacing and retry wrappers, with the real `openai` client.
// Spec: `openai-compatible:<model>@<baseURL>`, e.g. `openai-compatible:Qwen/Qwen2.5-0.5B@http://gpu:8000/v1`.
import OpenAI from 'openai';
import type { Completion } from 'openai/resources/completions';
import { ConfigError } from '../core/errors/config-error.js';
import type { ChatMessage, ModelClient, ModelRequest, ModelResponse } from '../models/model.js';
import { toModelCallError } from '../models/provider-error.js';
import { withPacing, type PacingOptions } from '../models/wrappers/with-pacing.js';
import { withRetry, type RetryOptions } from '../models/wrappers/with-retry.js';
import type { ScoreRequest, ScoreResult, Scorer } from './scorer.js';

export interface OpenAICompatibleScorerOptions {
  /** Model name sent to the server. */
  model: string;
  /** The server's base URL, with `/v1`. */
  baseURL: string;
  /** @default process.env.OPENAI_COMPATIBLE_API_KEY, else 'not-needed' */
  apiKey?: string;
  /** Prompts per HTTP request. @default 16 */
  batchSize?: number;
  /** Renders chat prompts to text (the server applies no template on /v1/completions). @default ChatML ({@link renderChatML}) */
  renderChat?: (messages: ChatMessage[]) => string;
  /** Pacing (concurrency, rate limits, shared per `openai-compatible:<model>` key). */
  pacing?: PacingOptions;
  retry?: RetryOptions;
  /** Per-attempt timeout, ms. @default 60000 */
  timeout?: number;
  /** A ready vendor client (tests); `baseURL`, `apiKey` and `timeout` are then ignored. */
  client?: OpenAI;
}

/** Parse `openai-compatible:<model>@<baseURL>`; the model may itself contain `@` (the last one splits). */
export function parseOpenAICompatibleSpec(spec: string, path = 'scorer'): { model: string; baseURL: string } {
  const rest = spec.slice('openai-compatible:'.length);
  const at = rest.lastIndexOf('@');
  const model = rest.slice(0, at);
  const baseURL = rest.slice(at + 1);
  if (!spec.startsWith('openai-compatible:') || at <= 0 || !/^https?:\/\/./.test(baseURL)) {
    throw ConfigError.at(path, `expected 'openai-compatible:<model>@<http(s) base URL>', got '${spec}'`);
  }
  return { model, baseURL };
}

/**
 * ChatML, the template of Qwen and many open models: each message `<|im_start|>role\ncontent<|im_end|>\n`.
 * A last assistant message stays open (the continuation goes on with it); a last empty user message opens
 * a user turn; otherwise an assistant turn is opened. Same rules as the local scorer's chat prompts.
 */
export function renderChatML(messages: ChatMessage[]): string {
  const last = messages.at(-1);
  const openAssistant = last?.role === 'assistant';
  const openUser = last?.role === 'user' && last.content === '';
  const closed = openAssistant || openUser ? messages.slice(0, -1) : messages;
  let text = closed.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('');
  if (openAssistant) text += `<|im_start|>assistant\n${last.content}`;
  else if (openUser) text += '<|im_start|>user\n';
  else text += '<|im_start|>assistant\n';
  return text;
}

interface Batch {
  prompts: string[];
}
type Choice = Completion['choices'][number];
type BatchResponse = ModelResponse & { choices: Choice[] };

export class OpenAICompatibleScorer implements Scorer {
  readonly modelId: string;
  private readonly client: ModelClient;
  private readonly batchSize: number;
  private readonly renderChat: (messages: ChatMessage[]) => string;

  constructor(options: OpenAICompatibleScorerOptions) {
    this.modelId = `openai-compatible:${options.model}@${options.baseURL}`;
    this.batchSize = options.batchSize ?? 16;
    this.renderChat = options.renderChat ?? renderChatML;
    const openai =
      options.client ??
      new OpenAI({ apiKey: options.apiKey ?? process.env.OPENAI_COMPATIBLE_API_KEY ?? 'not-needed', baseURL: options.baseURL, maxRetries: 0, timeout: options.timeout ?? 60_000 });
    const where = { provider: 'openai-compatible', modelId: options.model };
    // The adapter: one completions call per batch; retry and pacing wrap it like any model client.
    const adapter: ModelClient = {
      specificationVersion: 'v1',
      provider: 'openai-compatible',
      modelId: options.model,
      capabilities: { structuredOutput: false, logprobs: true, seed: false },
      generate: async <T>(request: ModelRequest<T>): Promise<ModelResponse<T>> => {
        const { prompts } = request.providerOptions?.scoring as unknown as Batch;
        const started = performance.now();
        try {
          // max_tokens 1, not 0: vLLM rejects 0; the generated token lies past the text and is dropped
          const res = await openai.completions.create(
            { model: options.model, prompt: prompts, max_tokens: 1, echo: true, logprobs: 0, temperature: 0 },
            { ...(request.signal ? { signal: request.signal } : {}) },
          );
          const response: BatchResponse = {
            text: '',
            usage: { inputTokens: res.usage?.prompt_tokens ?? 0, outputTokens: res.usage?.completion_tokens ?? 0, cachedInputTokens: 0, reasoningTokens: 0 },
            finishReason: 'length',
            provider: 'openai-compatible',
            modelId: res.model ?? options.model,
            attempts: [{ attempt: 1, ok: true, durationMs: performance.now() - started }],
            choices: res.choices,
          };
          return response as ModelResponse<T>;
        } catch (error) {
          throw toModelCallError(error, { ...where, signal: request.signal, durationMs: performance.now() - started });
        }
      },
    };
    this.client = withRetry(withPacing(adapter, options.pacing ?? {}), options.retry ?? {});
  }

  async score(requests: readonly ScoreRequest[]): Promise<ScoreResult[]> {
    const texts = requests.map((r) => {
      const prompt = typeof r.prompt === 'string' ? r.prompt : this.renderChat(r.prompt);
      return { prompt, full: prompt + r.continuation };
    });
    const results: ScoreResult[] = new Array(requests.length);
    const batches: number[][] = [];
    for (let i = 0; i < requests.length; i += this.batchSize) batches.push(Array.from({ length: Math.min(this.batchSize, requests.length - i) }, (_, k) => i + k));
    await Promise.all(
      batches.map(async (batch) => {
        const prompts = batch.map((i) => (texts[i] as { full: string }).full);
        const response = (await this.client.generate({
          messages: [{ role: 'user', content: prompts.join('') }], // what pacing estimates tokens from
          providerOptions: { scoring: { prompts } },
        })) as BatchResponse;
        batch.forEach((i, k) => {
          const choice = response.choices.find((c) => c.index === k) ?? response.choices[k];
          results[i] = this.read(choice, texts[i] as { prompt: string; full: string }, i);
        });
      }),
    );
    return results;
  }

  /** The continuation's tokens: those whose text starts at or after the prompt's end (a token straddling it counts), up to the text's end. */
  private read(choice: Choice | undefined, text: { prompt: string; full: string }, index: number): ScoreResult {
    const lp = choice?.logprobs;
    if (!lp?.tokens || !lp.token_logprobs || !lp.text_offset) {
      throw new Error(`${this.modelId}: score request ${index}: the server returned no prompt log-probs (it must support echo with logprobs on /v1/completions)`);
    }
    const tokens: string[] = [];
    const logprobs: number[] = [];
    lp.tokens.forEach((token, j) => {
      const start = lp.text_offset![j] as number;
      const end = start + token.length;
      if (start >= text.full.length || end <= text.prompt.length || text.full.length === text.prompt.length) return;
      const value = lp.token_logprobs![j];
      if (typeof value !== 'number') throw new Error(`${this.modelId}: score request ${index}: no log-prob for continuation token ${j} ('${token}')`);
      tokens.push(token);
      logprobs.push(value);
    });
    const total = logprobs.reduce((a, b) => a + b, 0);
    return { tokens, logprobs, total, mean: logprobs.length === 0 ? 0 : total / logprobs.length };
  }
}

export const createOpenAICompatibleScorer = (spec: string, options: Partial<OpenAICompatibleScorerOptions> = {}): OpenAICompatibleScorer =>
  new OpenAICompatibleScorer({ ...parseOpenAICompatibleSpec(spec), ...options });
