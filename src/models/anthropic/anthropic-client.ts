// Adapter for the Anthropic messages API. System messages travel in `system`; structured output is a
// forced call of one tool whose input_schema is the output's JSON schema.
import Anthropic from '@anthropic-ai/sdk';
import { ConfigError } from '../../core/errors/config-error.js';
import { toJsonSchema } from '../json-schema.js';
import type { FinishReason, ModelCapabilities, ModelClient, ModelRequest, ModelResponse, Usage } from '../model.js';
import { validObject } from '../output-object.js';
import { toModelCallError } from '../provider-error.js';

export interface AnthropicClientOptions {
  /** Model id, e.g. `claude-sonnet-4-5`. */
  model: string;
  /** @default process.env.ANTHROPIC_API_KEY */
  apiKey?: string;
  /** @default Anthropic's API */
  baseURL?: string;
  /** Per-attempt timeout in milliseconds. @default 60000 */
  timeout?: number;
  /** `max_tokens` when the request sets no `sampling.maxTokens` (the API requires one). @default 1024 */
  defaultMaxTokens?: number;
  /** A ready vendor client; the options above that configure one are then ignored. */
  client?: Anthropic;
}

const stopReasons: Record<string, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  refusal: 'refusal',
  tool_use: 'tool-calls',
};

export class AnthropicClient implements ModelClient {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'anthropic';
  readonly modelId: string;
  readonly capabilities: ModelCapabilities = { structuredOutput: true, logprobs: false, seed: false };
  private readonly client: Anthropic;
  private readonly defaultMaxTokens: number;

  constructor(options: AnthropicClientOptions) {
    this.modelId = options.model;
    this.defaultMaxTokens = options.defaultMaxTokens ?? 1024;
    const apiKey = options.apiKey ?? process.env.ANTHROPIC_API_KEY ?? (options.baseURL ? 'not-needed' : undefined);
    if (!options.client && !apiKey) {
      throw ConfigError.at('model', `anthropic:${options.model} needs an API key: set ANTHROPIC_API_KEY or pass apiKey`);
    }
    this.client =
      options.client ??
      new Anthropic({
        apiKey,
        ...(options.baseURL ? { baseURL: options.baseURL } : {}),
        timeout: options.timeout ?? 60_000,
        maxRetries: 0,
      });
  }

  async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
    const started = performance.now();
    const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
    const s = request.sampling ?? {};
    const toolName = request.output?.name ?? 'output';
    const body: Record<string, unknown> = {
      model: this.modelId,
      max_tokens: s.maxTokens ?? this.defaultMaxTokens,
      messages: request.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.content })),
      ...(system.length ? { system: system.join('\n\n') } : {}),
      ...(s.temperature === undefined ? {} : { temperature: s.temperature }),
      ...(s.topP === undefined ? {} : { top_p: s.topP }),
      ...(s.stop === undefined ? {} : { stop_sequences: s.stop }),
      ...(request.output
        ? {
            tools: [
              {
                name: toolName,
                description: request.output.description ?? 'Give the answer as this structured object.',
                input_schema: objectRoot(toJsonSchema(request.output.schema)),
              },
            ],
            tool_choice: { type: 'tool', name: toolName },
          }
        : {}),
      ...(request.providerOptions?.anthropic ?? {}),
    };
    let message: Anthropic.Message;
    try {
      message = (await this.client.messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming, {
        ...(request.signal ? { signal: request.signal } : {}),
      })) as Anthropic.Message;
      if (!message || !Array.isArray(message.content)) throw new SyntaxError('no content in the response');
    } catch (error) {
      throw toModelCallError(error, { provider: this.provider, modelId: this.modelId, signal: request.signal, durationMs: performance.now() - started });
    }
    const texts = message.content.filter((b) => b.type === 'text').map((b) => (b as Anthropic.TextBlock).text);
    const tool = message.content.find((b) => b.type === 'tool_use') as Anthropic.ToolUseBlock | undefined;
    let text = texts.join('');
    let object: T | undefined;
    if (request.output && tool) {
      const input = wrappedRoot(toJsonSchema(request.output.schema)) ? (tool.input as { value?: unknown }).value : tool.input;
      text = JSON.stringify(input);
      object = validObject(request, text, input);
    } else if (request.output) object = validObject(request, text);
    const refused = message.stop_reason === 'refusal';
    const u = message.usage;
    const cacheRead = u?.cache_read_input_tokens ?? 0;
    // Anthropic's input_tokens excludes cache reads and writes; ours counts every prompt token.
    const usage: Usage = {
      inputTokens: (u?.input_tokens ?? 0) + cacheRead + (u?.cache_creation_input_tokens ?? 0),
      outputTokens: u?.output_tokens ?? 0,
      cachedInputTokens: cacheRead,
      reasoningTokens: 0,
    };
    // A forced tool call is how structured output is asked for, so it is a normal stop.
    const finishReason: FinishReason =
      request.output && message.stop_reason === 'tool_use' ? 'stop' : (stopReasons[message.stop_reason ?? ''] ?? 'other');
    return {
      text,
      ...(object === undefined ? {} : { object }),
      usage,
      finishReason,
      ...(refused ? { refusal: texts.join('') || 'refused' } : {}),
      provider: this.provider,
      modelId: message.model || this.modelId,
      attempts: [{ attempt: 1, ok: true, status: 200, durationMs: performance.now() - started }],
    };
  }
}

const wrappedRoot = (schema: Record<string, unknown>): boolean => schema.type !== 'object';

/** Tool inputs must be objects: a non-object root is asked for as `{ value }`. */
function objectRoot(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _drop, ...rest } = schema;
  if (!wrappedRoot(schema)) return rest;
  const { $defs, ...inner } = rest;
  return { type: 'object', properties: { value: inner }, required: ['value'], ...($defs ? { $defs } : {}) };
}
