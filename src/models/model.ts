// The model contract: every provider adapter (openai, anthropic, langchain, local, scripted, replay)
// and every wrapper (pacing, retry, cache, usage, recording) implements this one interface.
// Types only. Bump `specificationVersion` for any breaking change.
import type { z } from 'zod';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Where a call sits in a run. Used for cache keys, cost totals, recording and replay. */
export interface CallContext {
  /** Run id; never part of a cache key. */
  runId?: string;
  /** The agent making the call, or the judge's id. */
  agentId?: string;
  /** The agent's role name, for cost totals per role. */
  role?: string;
  /** Logical turn (round, tick, step) of the run. */
  turn?: number;
  /** Why the call is made: `act`, `repair`, `summarise`, `persona-probe`, `judge`, ... */
  purpose?: string;
  /**
   * Replicate index for repeated sampling of the same prompt. Part of the cache key so that
   * k replicates never collapse to one answer. @default 0
   */
  replicate?: number;
  /**
   * Position of this call among the calls of the same agent, turn and purpose (0, 1, 2, ...):
   * a repair attempt or a second question in one turn gets its own position. @default 0
   */
  position?: number;
}

export interface SamplingOptions {
  /** @default provider default */
  temperature?: number;
  topP?: number;
  /** Upper bound on generated tokens. */
  maxTokens?: number;
  /** Sampling seed where the provider supports one (`capabilities.seed`). */
  seed?: number;
  stop?: string[];
}

/** Ask for a structured object: the schema drives the provider's native mode and validation. */
export interface OutputSpec<T = unknown> {
  schema: z.ZodType<T>;
  /** A short identifier for the schema (providers require one). @default 'output' */
  name?: string;
  description?: string;
  /**
   * Most repair calls the structured-output wrapper may make for this request. A caller that repairs
   * answers itself (the engine, with its `maxRepairs`) sets 0 so the two budgets never multiply.
   * @default the wrapper's `maxRepairs`
   */
  repairs?: number;
}

/**
 * How the caller reads the answer back (an agent role's protocol). Offline models (`scripted:random`)
 * draw a value of `schema` that `accept`s and answer `format(value)` (or the value itself for `output`
 * requests), so they play every protocol validly. Providers ignore it; it is not part of the request hash.
 */
export interface AnswerFormat {
  schema: z.ZodType;
  /** The answer text that reads back as `value`. Omitted: the value as JSON. */
  format?: (value: unknown) => string;
  /** Whether the caller would accept `value` (e.g. a game's legality rule). @default every value */
  accept?: (value: unknown) => boolean;
}

export interface ModelRequest<T = unknown> {
  messages: ChatMessage[];
  output?: OutputSpec<T>;
  answerFormat?: AnswerFormat;
  sampling?: SamplingOptions;
  call?: CallContext;
  /** Cancels the call (and any pending retry). */
  signal?: AbortSignal;
  /** Provider-specific options, namespaced by provider: `{ openai: {...} }`. Never interpreted by wrappers. */
  providerOptions?: Record<string, Record<string, unknown>>;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  /** Input tokens served from the provider's prompt cache. */
  cachedInputTokens: number;
  /** Tokens spent on hidden reasoning (included in outputTokens where the provider bills them so). */
  reasoningTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'refusal' | 'tool-calls' | 'error' | 'other';

/** One try at a provider call, as recorded by the retry wrapper. */
export interface Attempt {
  /** 1-based. */
  attempt: number;
  ok: boolean;
  /** HTTP status when the provider answered. */
  status?: number;
  /** Error class or code when it failed. */
  error?: string;
  /** Milliseconds waited before the next attempt. */
  delayMs?: number;
  /** Wall-clock duration of the attempt in ms. */
  durationMs?: number;
}

export type CacheStatus = 'hit' | 'miss' | 'shared' | 'off';

export interface ModelResponse<T = unknown> {
  text: string;
  /** The validated object when the request had `output`. */
  object?: T;
  usage: Usage;
  finishReason: FinishReason;
  /** The refusal text when the model refused (finishReason `refusal`). */
  refusal?: string;
  /** Provider and model that actually answered. */
  provider: string;
  modelId: string;
  /** Filled by the retry wrapper; adapters return a single attempt. */
  attempts: Attempt[];
  /** US dollars, filled by the usage wrapper. */
  cost?: number;
  /** Filled by the cache wrapper. @default 'off' */
  cache?: CacheStatus;
  /** Per-token log-probabilities of the generated text, when requested and supported. */
  logprobs?: Array<{ token: string; logprob: number }>;
}

export interface ModelCapabilities {
  /** Native JSON-schema constrained output. */
  structuredOutput: boolean;
  /** Log-probabilities of generated tokens. */
  logprobs: boolean;
  /** Honours `sampling.seed`. */
  seed: boolean;
}

export interface ModelClient {
  readonly specificationVersion: 'v1';
  /** `openai`, `anthropic`, `langchain`, `local`, `scripted`, `replay`, or a user's own. */
  readonly provider: string;
  readonly modelId: string;
  readonly capabilities: ModelCapabilities;
  generate<T = unknown>(request: ModelRequest<T>): Promise<ModelResponse<T>>;
}

export const zeroUsage = (): Usage => ({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, reasoningTokens: 0 });
