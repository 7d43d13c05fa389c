import { PolisError, type PolisErrorOptions } from './polis-error.js';

/** What went wrong with a local GGUF model. */
export type LocalModelProblem = 'not-found' | 'malformed' | 'load-failed' | 'backend-unavailable' | 'context-failed' | 'generation-failed';

/** A local GGUF model could not be loaded or used; names the file and the problem. */
export class LocalModelError extends PolisError {
  override readonly name = 'LocalModelError';
  readonly code = 'local_model_failed' as const;

  constructor(
    readonly problem: LocalModelProblem,
    /** The model file, as given. */
    readonly file: string | undefined,
    message: string,
    options: PolisErrorOptions = {},
  ) {
    super(`${file ? `${file}: ` : ''}${message}`, options);
  }
}
