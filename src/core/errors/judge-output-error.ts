import { PolisError, type PolisErrorOptions } from './polis-error.js';

/** A judge's model answered, but the answer could not be read as the judge's verdict or scores. */
export class JudgeOutputError extends PolisError {
  override readonly name = 'JudgeOutputError';
  readonly code = 'model_output_invalid' as const;
  /** The judge's name. */
  readonly judge: string;
  /** The raw model text (truncated to 2,000 characters). */
  readonly text: string;

  constructor(judge: string, message: string, text: string, options: PolisErrorOptions = {}) {
    super(`judge "${judge}": ${message}; the model answered: ${JSON.stringify(text.slice(0, 200))}`, options);
    this.judge = judge;
    this.text = text.slice(0, 2000);
  }
}
