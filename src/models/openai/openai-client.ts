// Adapter for the OpenAI chat-completions API and any server that speaks it (vLLM, llama.cpp server,
// Ollama) through `baseURL`. Retries are the retry wrapper's job, so the vendor client gets maxRetries 0.
import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { ConfigError } from '../../core/errors/config-error.js';
import { toJsonSchema } from '../json-schema.js';
import type { FinishReason, ModelCapabilities, ModelClient, ModelRequest, ModelResponse, Usage } from '../model.js';
import { validObject } from '../output-object.js';
import { toModelCallError } from '../provider-error.js';
import { stripOptionalNulls, toStrictSchema } from './strict-schema.js';

export interface OpenAIClientOptions {
  /** Model id sent to the server, e.g. `gpt-4o-mini`. */
  model: string;
  /** @default process.env.OPENAI_API_KEY (or `'not-needed'` when a baseURL is given without a key) */
  apiKey?: string;
  /** Any OpenAI-compatible endpoint, e.g. `http://localhost:8000/v1`. @default OpenAI's API */
  baseURL?: string;
  /** Per-attempt timeout in milliseconds. @default 60000 */
  timeout?: number;
  /** Name reported as `provider`. @default 'openai' */
  provider?: string;
  /** Use native JSON-schema output (turn off for servers that lack it). @default true */
  structuredOutput?: boolean;
  /** Body field for `sampling.maxTokens`; older compatible servers want `max_tokens`. @default 'max_completion_tokens' */
  maxTokensField?: 'max_completion_tokens' | 'max_tokens';
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** A ready vendor client (tests, custom fetch); the options above that configure one are then ignored. */
  client?: OpenAI;
}

const finishReasons: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'content-filter',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
};

export class OpenAIClient implements ModelClient {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly capabilities: ModelCapabilities;
  private readonly client: OpenAI;
  private readonly maxTokensField: string;

  constructor(options: OpenAIClientOptions) {
    this.provider = options.provider ?? 'openai';
    this.modelId = options.model;
    this.capabilities = { structuredOutput: options.structuredOutput ?? true, logprobs: true, seed: true };
    this.maxTokensField = options.maxTokensField ?? 'max_completion_tokens';
    const apiKey = options.apiKey ?? process.env.OPENAI_API_KEY ?? (options.baseURL ? 'not-needed' : undefined);
    if (!options.client && !apiKey) {
      throw ConfigError.at('model', `${this.provider}:${options.model} needs an API key: set OPENAI_API_KEY or pass apiKey`);
    }
    this.client =
      options.client ??
      new OpenAI({
        apiKey,
        ...(options.baseURL ? { baseURL: options.baseURL } : {}),
        timeout: options.timeout ?? 60_000,
        maxRetries: 0,
        ...(options.headers ? { defaultHeaders: options.headers } : {}),
      });
  }

  async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
    const started = performance.now();
    const strict = request.output && this.capabilities.structuredOutput ? toStrictSchema(toJsonSchema(request.output.schema)) : undefined;
    const s = request.sampling ?? {};
    const body: Record<string, unknown> = {
      model: this.modelId,
      messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
      ...(s.temperature === undefined ? {} : { temperature: s.temperature }),
      ...(s.topP === undefined ? {} : { top_p: s.topP }),
      ...(s.maxTokens === undefined ? {} : { [this.maxTokensField]: s.maxTokens }),
      ...(s.seed === undefined ? {} : { seed: s.seed }),
      ...(s.stop === undefined ? {} : { stop: s.stop }),
      ...(strict && request.output
        ? {
            response_format: {
              type: 'json_schema',
              json_schema: {
                name: request.output.name ?? 'output',
                ...(request.output.description ? { description: request.output.description } : {}),
                strict: true,
                schema: strict.schema,
              },
            },
          }
        : {}),
      ...(request.providerOptions?.openai ?? {}),
    };
    let completion: ChatCompletion;
    try {
      completion = await this.client.chat.completions.create(body as unknown as ChatCompletionCreateParamsNonStreaming, {
        ...(request.signal ? { signal: request.signal } : {}),
      });
      if (!completion || !Array.isArray(completion.choices)) throw new SyntaxError('no choices in the response');
    } catch (error) {
      throw toModelCallError(error, {
        provider: this.provider,
        modelId: this.modelId,
        signal: request.signal,
        durationMs: performance.now() - started,
      });
    }
    const choice = completion.choices[0];
    const message = choice?.message;
    const text = message?.content ?? '';
    const refusal = message?.refusal ?? undefined;
    let object: T | undefined;
    if (request.output && text && !refusal) {
      const parsed = safeJson(text);
      const value = strict && parsed !== undefined ? unwrap(parsed, strict.wrapped, request.output.schema) : parsed;
      object = validObject(request, text, value);
    }
    const u = completion.usage;
    const usage: Usage = {
      inputTokens: u?.prompt_tokens ?? 0,
      outputTokens: u?.completion_tokens ?? 0,
      cachedInputTokens: u?.prompt_tokens_details?.cached_tokens ?? 0,
      reasoningTokens: u?.completion_tokens_details?.reasoning_tokens ?? 0,
    };
    const logprobs = choice?.logprobs?.content?.map((t) => ({ token: t.token, logprob: t.logprob }));
    return {
      text,
      ...(object === undefined ? {} : { object }),
      usage,
      finishReason: refusal ? 'refusal' : (finishReasons[choice?.finish_reason ?? ''] ?? 'other'),
      ...(refusal ? { refusal } : {}),
      provider: this.provider,
      modelId: completion.model || this.modelId,
      attempts: [{ attempt: 1, ok: true, status: 200, durationMs: performance.now() - started }],
      ...(logprobs ? { logprobs } : {}),
    };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function unwrap(value: unknown, wrapped: boolean, schema: Parameters<typeof toJsonSchema>[0]): unknown {
  const inner = wrapped && value && typeof value === 'object' ? (value as { value?: unknown }).value : value;
  return stripOptionalNulls(inner, toJsonSchema(schema));
}
