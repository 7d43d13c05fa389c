import { PolisError, type PolisErrorOptions } from './polis-error.js';

/** `unparsable`: not JSON; `invalid`: JSON that fails the schema; `refused`: the model declined. */
export type StructuredOutputErrorKind = 'unparsable' | 'invalid' | 'refused';

/** Token counts, structurally the `Usage` of src/models/model.ts. */
export interface OutputUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  reasoningTokens: number;
}

export interface StructuredOutputErrorDetails {
  kind: StructuredOutputErrorKind;
  /** The model's last raw answer (or refusal text). */
  raw: string;
  /** Usage summed over every attempt, repairs included. */
  usage: OutputUsage;
  finishReason: string;
  /** zod issues of the last attempt (empty for `unparsable` and `refused`). */
  issues: Array<{ path: string; message: string }>;
  /** How many calls were made (1 + repairs). */
  attempts: number;
}

/** A model answered, but its output could not become a schema-valid object after the repair retries. */
export class StructuredOutputError extends PolisError {
  override readonly name = 'StructuredOutputError';
  readonly code = 'model_output_invalid' as const;
  readonly kind: StructuredOutputErrorKind;
  readonly raw: string;
  readonly usage: OutputUsage;
  readonly finishReason: string;
  readonly issues: Array<{ path: string; message: string }>;
  readonly attempts: number;

  constructor(message: string, details: StructuredOutputErrorDetails, options: PolisErrorOptions = {}) {
    super(`${details.kind} model output after ${details.attempts} attempt(s): ${message}`, options);
    this.kind = details.kind;
    this.raw = details.raw;
    this.usage = details.usage;
    this.finishReason = details.finishReason;
    this.issues = details.issues;
    this.attempts = details.attempts;
  }
}
