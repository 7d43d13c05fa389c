import { PolisError, type PolisErrorOptions } from './polis-error.js';

export interface ConfigIssue {
  /** Dotted path of the offending option, e.g. `agents[2].model`. Empty for the root. */
  path: string;
  /** What was expected there, in words. */
  message: string;
}

/** A configuration mistake: names the file (when there is one), the option path and what was expected. */
export class ConfigError extends PolisError {
  override readonly name = 'ConfigError';
  readonly code = 'config_invalid' as const;
  readonly issues: ConfigIssue[];
  readonly file: string | undefined;

  constructor(issues: ConfigIssue[], options: PolisErrorOptions & { file?: string } = {}) {
    const where = options.file ? `${options.file}: ` : '';
    const lines = issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`);
    super(`${where}invalid configuration\n${lines.join('\n')}`, options);
    this.issues = issues;
    this.file = options.file;
  }

  /** Shorthand for one issue. */
  static at(path: string, message: string, file?: string): ConfigError {
    return new ConfigError([{ path, message }], file === undefined ? {} : { file });
  }
}
