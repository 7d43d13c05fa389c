// Remote scoring: teacher-forced log-probs from an OpenAI-compatible completion server (vLLM, llama.cpp
// server, ...) through `/v1/completions`: we send prompt + continuation as the prompt and read the log-prob
// of every prompt token, in one of two wire formats:
// - `prompt_logprobs` (vLLM's extension): request field `prompt_logprobs: 0`; each choice carries
//   `prompt_logprobs`, one entry per prompt token (the first null), each `{ "<token id>": { logprob, rank,
//   decoded_token } }` holding just the prompt's own token when k = 0 (vLLM's LogprobsProcessor puts the
//   prompt token first, then the top k). No echoed text comes back.
// - `echo` (the legacy OpenAI format, llama.cpp server, vLLM too): `echo: true, logprobs: 0`; each choice's
//   `logprobs` lists the prompt's tokens, their log-probs and text offsets.
// `auto` (the default) asks for prompt_logprobs first and keeps to echo once a server answers without it.
// Requests go in batches (a list of prompts per call) through the model layer's pacing and retry
// wrappers, with the real `openai` client.
// Spec: `openai-compatible:<model>@<baseURL>`, e.g. `openai-compatible:Qwen/Qwen2.5-0.5B@http://gpu:8000/v1`.
import OpenAI from 'openai';
import type { Completion, CompletionCreateParamsNonStreaming } from 'openai/resources/completions';
import { ConfigError } from '../core/errors/config-error.js';
import { ModelCallError } from '../core/errors/model-call-error.js';
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
  /**
   * Wire format of prompt log-probs: `prompt_logprobs` (vLLM; a server answering without them is an error),
   * `echo` (echo + logprobs), or `auto`: the first call asks for prompt_logprobs, and a server that answers
   * without them (or refuses the field with HTTP 400) is scored with echo from then on. With prompt_logprobs,
   * requests whose decoded pieces do not spell their text are still re-read with echo. @default 'auto'
   */
  format?: RemoteScoringFormat;
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

export type RemoteScoringFormat = 'auto' | 'prompt_logprobs' | 'echo';

interface Batch {
  prompts: string[];
  format: 'prompt_logprobs' | 'echo';
}
/** vLLM's per-token entry: token id (a string in JSON) -> its log-prob, rank and text. */
type PromptLogprobEntry = Record<string, { logprob: number; rank?: number | null; decoded_token?: string | null }> | null;
type Choice = Completion['choices'][number] & { prompt_logprobs?: PromptLogprobEntry[] | null; prompt_token_ids?: number[] | null };
type BatchResponse = ModelResponse & { choices: Choice[] };
interface Text {
  prompt: string;
  full: string;
}
/** Why a choice could not be read in the prompt_logprobs format. */
type Unread = 'absent' | 'unaligned';

export class OpenAICompatibleScorer implements Scorer {
  readonly modelId: string;
  private readonly client: ModelClient;
  private readonly batchSize: number;
  private readonly renderChat: (messages: ChatMessage[]) => string;
  /** The format in use; `auto` until the first answer settles it. */
  private format: RemoteScoringFormat;

  constructor(options: OpenAICompatibleScorerOptions) {
    this.modelId = `openai-compatible:${options.model}@${options.baseURL}`;
    this.batchSize = options.batchSize ?? 16;
    this.renderChat = options.renderChat ?? renderChatML;
    this.format = options.format ?? 'auto';
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
        const { prompts, format } = request.providerOptions?.scoring as unknown as Batch;
        const started = performance.now();
        // max_tokens 1, not 0: older vLLM rejects 0; the generated token lies past the text and is dropped
        const body: CompletionCreateParamsNonStreaming & { prompt_logprobs?: number } =
          format === 'echo'
            ? { model: options.model, prompt: prompts, max_tokens: 1, echo: true, logprobs: 0, temperature: 0 }
            : { model: options.model, prompt: prompts, max_tokens: 1, temperature: 0, prompt_logprobs: 0 };
        try {
          const res = await openai.completions.create(body, { ...(request.signal ? { signal: request.signal } : {}) });
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
    const texts: Text[] = requests.map((r) => {
      const prompt = typeof r.prompt === 'string' ? r.prompt : this.renderChat(r.prompt);
      return { prompt, full: prompt + r.continuation };
    });
    const results: ScoreResult[] = new Array(requests.length);
    const batches: number[][] = [];
    for (let i = 0; i < requests.length; i += this.batchSize) batches.push(Array.from({ length: Math.min(this.batchSize, requests.length - i) }, (_, k) => i + k));
    // while the format is unknown, the first batch goes alone and settles it for the others
    const first = this.format === 'auto' ? batches.shift() : undefined;
    if (first) await this.scoreBatch(first, texts, results);
    await Promise.all(batches.map((batch) => this.scoreBatch(batch, texts, results)));
    return results;
  }

  private async call(indices: number[], texts: Text[], format: Batch['format']): Promise<Choice[]> {
    const prompts = indices.map((i) => (texts[i] as Text).full);
    const response = (await this.client.generate({
      messages: [{ role: 'user', content: prompts.join('') }], // what pacing estimates tokens from
      providerOptions: { scoring: { prompts, format } },
    })) as BatchResponse;
    return indices.map((_, k) => response.choices.find((c) => c.index === k) ?? (response.choices[k] as Choice));
  }

  private async scoreBatch(batch: number[], texts: Text[], results: ScoreResult[]): Promise<void> {
    let echo = batch;
    if (this.format !== 'echo') {
      let choices: Choice[] | undefined;
      try {
        choices = await this.call(batch, texts, 'prompt_logprobs');
      } catch (error) {
        // while the format is unknown, a server refusing the field (HTTP 400) is tried with echo; if that fails too, its error is the one reported
        if (!(this.format === 'auto' && error instanceof ModelCallError && error.status === 400)) throw error;
      }
      const reads = batch.map((i, k) => (choices ? this.readPromptLogprobs(choices[k], texts[i] as Text) : 'absent'));
      if (this.format === 'prompt_logprobs' && reads.includes('absent')) {
        throw ConfigError.at('format', `${this.modelId}: format 'prompt_logprobs', but the server returned no prompt_logprobs (format 'echo' or 'auto' suits servers without vLLM's extension)`);
      }
      if (this.format === 'auto') this.format = reads.includes('absent') ? 'echo' : 'prompt_logprobs';
      echo = [];
      batch.forEach((i, k) => {
        const read = reads[k] as ScoreResult | Unread;
        if (typeof read === 'string') echo.push(i); // absent, or pieces that do not spell the text: read from echo
        else results[i] = read;
      });
    }
    if (echo.length === 0) return;
    const choices = await this.call(echo, texts, 'echo');
    echo.forEach((i, k) => {
      results[i] = this.read(choices[k], texts[i] as Text, i);
    });
  }

  /**
   * The continuation's tokens from vLLM's prompt_logprobs: walking back from the text's end, each token's
   * `decoded_token` must spell the text; tokens are taken while they end after the prompt's end (a token
   * straddling it counts, as in the echo format). 'unaligned' when the pieces do not spell the text
   * (byte-level tokens of non-ASCII characters decode to U+FFFD one by one).
   */
  private readPromptLogprobs(choice: Choice | undefined, text: Text): ScoreResult | Unread {
    const entries = choice?.prompt_logprobs;
    if (!Array.isArray(entries)) return 'absent';
    const tokens: string[] = [];
    const logprobs: number[] = [];
    let end = text.full.length;
    for (let j = entries.length - 1; j >= 1 && end > text.prompt.length && text.full.length > text.prompt.length; j--) {
      const entry = entries[j];
      const ids = entry ? Object.keys(entry) : [];
      // k = 0: one key, the prompt's own token; with more keys only prompt_token_ids can say which it is
      const id = ids.length === 1 ? ids[0] : choice?.prompt_token_ids?.[j] !== undefined ? String(choice.prompt_token_ids[j]) : undefined;
      const value = id === undefined ? undefined : entry?.[id];
      const piece = value?.decoded_token;
      if (typeof value?.logprob !== 'number' || typeof piece !== 'string' || piece.length === 0 || text.full.slice(end - piece.length, end) !== piece) return 'unaligned';
      tokens.push(piece);
      logprobs.push(value.logprob);
      end -= piece.length;
    }
    if (end > text.prompt.length) return 'unaligned';
    tokens.reverse();
    logprobs.reverse();
    const total = logprobs.reduce((a, b) => a + b, 0);
    return { tokens, logprobs, total, mean: logprobs.length === 0 ? 0 : total / logprobs.length };
  }

  /** The continuation's tokens: those whose text starts at or after the prompt's end (a token straddling it counts), up to the text's end. */
  private read(choice: Choice | undefined, text: Text, index: number): ScoreResult {
    const lp = choice?.logprobs;
    if (!lp?.tokens || !lp.token_logprobs || !lp.text_offset) {
      throw new Error(`${this.modelId}: score request ${index}: the server returned no prompt log-probs (it must answer vLLM's prompt_logprobs, or echo with logprobs, on /v1/completions)`);
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
