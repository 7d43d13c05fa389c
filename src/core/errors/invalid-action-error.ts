import { PolisError, type PolisErrorOptions } from './polis-error.js';

export type InvalidActionKind = 'unparsable' | 'illegal' | 'refused' | 'timeout';

/** An agent's answer could not become a legal action. The engine repairs, then defaults, and counts it. */
export class InvalidActionError extends PolisError {
  override readonly name = 'InvalidActionError';
  readonly code = 'action_invalid' as const;

  constructor(
    readonly kind: InvalidActionKind,
    /** What was wrong, without the kind prefix: the text shown to the agent on repair. */
    readonly reason: string,
    readonly raw?: string,
    options: PolisErrorOptions = {},
  ) {
    super(`${kind} action: ${reason}`, options);
  }
}
