import { PolisError, type PolisErrorOptions } from './polis-error.js';

/**
 * A feature needs an optional peer dependency that is not installed (node-llama-cpp for `local:` models,
 * @langchain/core for `LangChainClient`); the message says what to install.
 */
export class MissingPackageError extends PolisError {
  override readonly name = 'MissingPackageError';
  readonly code = 'package_missing' as const;

  constructor(
    /** The npm package to install: `node-llama-cpp`. */
    readonly packageName: string,
    /** What needed it: "`local:` models". */
    readonly feature: string,
    /** The command that installs it: `npm install node-llama-cpp@^3.22.1`. */
    readonly install: string,
    options: PolisErrorOptions = {},
  ) {
    super(`${feature} need ${packageName}, an optional peer dependency of polis that is not installed: run \`${install}\``, options);
  }
}
