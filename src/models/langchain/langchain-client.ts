// Wraps any LangChain chat model (`BaseChatModel` from @langchain/core) as a ModelClient, so the
// providers LangChain supports gain Polis' wrappers, recording and replay. @langchain/core is an optional
// peer dependency: it is imported on the first call (a `MissingPackageError` says to install it), and the
// public types name only the few members used, so polis's declarations never reference the package.
import type { AIMessage, BaseMessage } from '@langchain/core/messages';
import { AbortedError } from '../../core/errors/aborted-error.js';
import { importPeer } from '../../core/optional-peer.js';
import type { FinishReason, ModelCapabilities, ModelClient, ModelRequest, ModelResponse, Usage } from '../model.js';
import { validObject } from '../output-object.js';
import { toModelCallError } from '../provider-error.js';

/** The members of a LangChain `BaseChatModel` this client uses; any LangChain chat model has them. */
export interface LangChainChatModel {
  _llmType(): string;
  invoke(input: never, options?: never): Promise<unknown>;
  withStructuredOutput(schema: never, config?: never): { invoke(input: never, options?: never): Promise<unknown> };
  bindTools?: unknown;
}

interface Runnable {
  invoke(input: BaseMessage[], options?: Record<string, unknown>): Promise<unknown>;
}

export interface LangChainClientOptions {
  /** Reported model id. @default the model's `_llmType()` */
  modelId?: string;
  /** Use `withStructuredOutput` for requests with `output`. @default true when the model has `bindTools` */
  structuredOutput?: boolean;
}

const finishReasons: Record<string, FinishReason> = {
  stop: 'stop', end_turn: 'stop', length: 'length', max_tokens: 'length', content_filter: 'content-filter', refusal: 'refusal', tool_calls: 'tool-calls',
};

export class LangChainClient implements ModelClient {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'langchain';
  readonly modelId: string;
  readonly capabilities: ModelCapabilities;

  constructor(
    private readonly model: LangChainChatModel,
    options: LangChainClientOptions = {},
  ) {
    this.modelId = options.modelId ?? model._llmType();
    this.capabilities = {
      structuredOutput: options.structuredOutput ?? typeof model.bindTools === 'function',
      logprobs: false,
      seed: false,
    };
  }

  async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
    // LangChain runs a model even with an aborted signal; the contract says it must not.
    if (request.signal?.aborted) throw new AbortedError(`${this.provider}:${this.modelId} call aborted`);
    const started = performance.now();
    const { AIMessage, HumanMessage, SystemMessage } = await importPeer({
      peer: '@langchain/core',
      feature: 'LangChain clients',
      load: () => import('@langchain/core/messages'),
    });
    const messages: BaseMessage[] = request.messages.map((m) =>
      m.role === 'system' ? new SystemMessage(m.content) : m.role === 'user' ? new HumanMessage(m.content) : new AIMessage(m.content),
    );
    const s = request.sampling ?? {};
    const config = {
      ...(request.signal ? { signal: request.signal } : {}),
      ...(s.stop ? { stop: s.stop } : {}),
      ...(request.providerOptions?.langchain ?? {}),
    };
    let raw: BaseMessage;
    let parsed: unknown;
    try {
      if (request.output && this.capabilities.structuredOutput) {
        const runnable = this.model.withStructuredOutput(request.output.schema as never, {
          name: request.output.name ?? 'output',
          includeRaw: true,
        } as never) as Runnable;
        const result = (await runnable.invoke(messages, config)) as { raw: BaseMessage; parsed: unknown };
        raw = result.raw;
        parsed = result.parsed ?? undefined;
      } else {
        raw = (await (this.model as unknown as Runnable).invoke(messages, config)) as BaseMessage;
      }
    } catch (error) {
      throw toModelCallError(error, { provider: this.provider, modelId: this.modelId, signal: request.signal, durationMs: performance.now() - started });
    }
    const ai = raw as AIMessage;
    let text = typeof ai.content === 'string' ? ai.content : (ai.text ?? '');
    if (parsed !== undefined && !text) text = JSON.stringify(parsed);
    if (request.output && parsed === undefined && ai.tool_calls?.[0]) text = JSON.stringify(ai.tool_calls[0].args);
    const object = request.output ? validObject(request, text, parsed) : undefined;
    const meta = ai.usage_metadata;
    const usage: Usage = {
      inputTokens: meta?.input_tokens ?? 0,
      outputTokens: meta?.output_tokens ?? 0,
      cachedInputTokens: meta?.input_token_details?.cache_read ?? 0,
      reasoningTokens: meta?.output_token_details?.reasoning ?? 0,
    };
    const rawReason = String(ai.response_metadata?.finish_reason ?? ai.response_metadata?.stop_reason ?? 'stop');
    const forcedTool = request.output && this.capabilities.structuredOutput && rawReason === 'tool_calls';
    return {
      text,
      ...(object === undefined ? {} : { object }),
      usage,
      finishReason: forcedTool ? 'stop' : (finishReasons[rawReason] ?? 'other'),
      provider: this.provider,
      modelId: this.modelId,
      attempts: [{ attempt: 1, ok: true, durationMs: performance.now() - started }],
    };
  }
}
