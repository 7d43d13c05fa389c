import { PolisError, type PolisErrorOptions } from './polis-error.js';

/** One try, structurally the `Attempt` of src/models/model.ts (core imports nothing above it). */
export interface CallAttempt {
  attempt: number;
  ok: boolean;
  status?: number;
  error?: string;
  delayMs?: number;
  durationMs?: number;
}

/** Data carried by a {@link ModelCallError}. */
export interface ModelCallErrorDetails {
  provider: string;
  modelId: string;
  /** HTTP status of the last answer, when the provider answered. */
  status?: number;
  /** Response headers of the last answer (lower-case names). */
  headers?: Record<string, string>;
  /** Every try, filled by the retry wrapper; an adapter reports its single attempt. */
  attempts?: CallAttempt[];
  /** True when the failure is worth another try (408, 409, 429, 5xx, network). */
  retryable?: boolean;
}

/** A provider call failed (HTTP status, network, timeout, malformed body), after any retries. */
export class ModelCallError extends PolisError {
  override readonly name = 'ModelCallError';
  readonly code = 'model_call_failed' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly status: number | undefined;
  readonly headers: Record<string, string>;
  readonly retryable: boolean;
  attempts: CallAttempt[];

  constructor(message: string, details: ModelCallErrorDetails, options: PolisErrorOptions = {}) {
    const status = details.status === undefined ? '' : ` (HTTP ${details.status})`;
    super(`${details.provider}:${details.modelId} call failed${status}: ${message}`, options);
    this.provider = details.provider;
    this.modelId = details.modelId;
    this.status = details.status;
    this.headers = details.headers ?? {};
    this.attempts = details.attempts ?? [];
    this.retryable = details.retryable ?? false;
  }
}
