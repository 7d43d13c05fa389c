import { PolisError, type PolisErrorOptions } from './polis-error.js';

/**
 * A sweep directory holds cells of another sweep config: continuing would mix cells of two configs in one
 * table. Names the directory and what differs; `--force` (option `force`) reruns the changed cells.
 */
export class SweepChangedError extends PolisError {
  override readonly name = 'SweepChangedError';
  readonly code = 'sweep_changed' as const;

  constructor(
    /** The sweep directory (or the cell directory). */
    readonly dir: string,
    /** What differs, one line each: `condition "punishment": params.punishment`. */
    readonly changes: readonly string[],
    options: PolisErrorOptions = {},
  ) {
    super(
      `${dir} holds a sweep run with another config:\n${changes.map((c) => `  ${c}`).join('\n')}\n` +
        'Use another --out directory, or --force to rerun the changed cells there (their old files are kept as trace.attempt-<k>.jsonl).',
      options,
    );
  }
}
