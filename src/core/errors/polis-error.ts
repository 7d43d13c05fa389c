// The base of every error Polis throws on purpose. Each subclass lives in its own file, has a stable
// `name`, one `code` from the closed union below, and carries the data a user needs to act on it.

export type PolisErrorCode =
  /** A config file or options object failed validation; `path` names the option. */
  | 'config_invalid'
  /** An input file (trace, dataset, GGUF) is unreadable or malformed; names file and line. */
  | 'input_invalid'
  /** A model provider call failed after retries (HTTP status, network, timeout). */
  | 'model_call_failed'
  /** A model answered, but its output could not be parsed or validated after repair retries. */
  | 'model_output_invalid'
  /** A token, dollar, turn or wall-time budget was reached. */
  | 'budget_exceeded'
  /** A rerun made a request that differs from the recorded one. */
  | 'rerun_diverged'
  /** An agent's action broke the game's rules and no default could be applied. */
  | 'action_invalid'
  /** A local GGUF model could not be loaded or used. */
  | 'local_model_failed'
  /** The run was cancelled by its caller. */
  | 'aborted'
  /** A sweep directory holds cells of another sweep config. */
  | 'sweep_changed'
  /** A feature needs an optional peer dependency that is not installed; names the package. */
  | 'package_missing'
  /** An output file could not be written (disk full, read-only); names the file. */
  | 'output_unwritable';

export interface PolisErrorOptions {
  cause?: unknown;
}

export abstract class PolisError extends Error {
  abstract readonly code: PolisErrorCode;

  constructor(message: string, options: PolisErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }

  /** True for any Polis error, optionally of one code. */
  static is(error: unknown, code?: PolisErrorCode): error is PolisError {
    return error instanceof PolisError && (code === undefined || error.code === code);
  }
}
