import { PolisError, type PolisErrorOptions } from './polis-error.js';

export class AbortedError extends PolisError {
  override readonly name = 'AbortedError';
  readonly code = 'aborted' as const;

  constructor(message = 'aborted', options: PolisErrorOptions = {}) {
    super(message, options);
  }
}
