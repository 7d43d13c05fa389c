import { PolisError, type PolisErrorOptions } from './polis-error.js';

/** An output (a trace, a journal) could not be written: the disk is full, read-only or failing. */
export class OutputWriteError extends PolisError {
  override readonly name = 'OutputWriteError';
  readonly code = 'output_unwritable' as const;

  constructor(
    /** The file that could not be written. */
    readonly file: string,
    /** The system's error code, e.g. `ENOSPC`. */
    readonly systemCode: string,
    /** What the user can do next. */
    hint: string,
    options: PolisErrorOptions = {},
  ) {
    const what = systemCode === 'ENOSPC' || systemCode === 'EDQUOT' ? 'the disk is full' : systemCode === 'EROFS' ? 'the file system is read-only' : 'the write failed';
    super(`${file}: cannot write, ${what} (${systemCode}); ${hint}`, options);
  }
}
