import { PolisError, type PolisErrorOptions } from './polis-error.js';

/** A malformed input file: names the file, the line (1-based) and the field when known. */
export class InputError extends PolisError {
  override readonly name = 'InputError';
  readonly code = 'input_invalid' as const;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(
    message: string,
    where: { file?: string; line?: number; field?: string } = {},
    options: PolisErrorOptions = {},
  ) {
    const loc = [where.file, where.line === undefined ? undefined : `line ${where.line}`]
      .filter(Boolean)
      .join(':');
    const field = where.field ? ` (field ${where.field})` : '';
    super(`${loc ? `${loc}: ` : ''}${message}${field}`, options);
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}
