import { PolisError } from './polis-error.js';

/**
 * A run has a dollar budget but a model it uses has no price, so its spend would count as $0 and the
 * budget could not stop it. A config mistake (code `config_invalid`, exit 2): names each model, the
 * config path and how to give it a price.
 */
export class UnpricedModelError extends PolisError {
  override readonly name = 'UnpricedModelError';
  readonly code = 'config_invalid' as const;
  /** The config path where a price goes. */
  readonly path = 'models.prices';

  constructor(
    /** `provider:model` of each model without a price. */
    readonly models: readonly string[],
    /** The dollar budget that could not be enforced. */
    readonly budget: number,
  ) {
    const example = models.map((m) => `"${m}": { input: <$ per 1M input tokens>, output: <$ per 1M output tokens> }`).join(', ');
    super(
      `the run has a dollar budget ($${budget}) but ${models.length === 1 ? 'model' : 'models'} ${models.join(', ')} ${models.length === 1 ? 'has' : 'have'} no price, ` +
        `so ${models.length === 1 ? 'its' : 'their'} calls would count as $0 and the budget could not stop them.\n` +
        `  Give a price in the config: models: { prices: { ${example} } }`,
    );
  }
}
