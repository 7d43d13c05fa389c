// Dated list prices in US dollars per million tokens. Prices change: pass `prices` to withUsage /
// createModelStack to override or add models; a model with no price costs 0 and is reported as unpriced.

export interface ModelPrice {
  /** $ per 1M uncached input tokens. */
  input: number;
  /** $ per 1M output tokens (reasoning tokens included). */
  output: number;
  /** $ per 1M input tokens served from the provider's prompt cache. @default input */
  cachedInput?: number;
}

/** When the table below was read from the providers' public pricing pages. */
export const PRICES_READ_ON = '2025-10-01';

/**
 * List prices by `provider:model` (openai.com/api/pricing, anthropic.com/pricing, read on
 * {@link PRICES_READ_ON}). Users override entries; these are defaults, not a promise.
 */
export const defaultPrices: Readonly<Record<string, ModelPrice>> = {
  'openai:gpt-4o': { input: 2.5, output: 10, cachedInput: 1.25 },
  'openai:gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 },
  'openai:gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
  'openai:gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 },
  'openai:gpt-4.1-nano': { input: 0.1, output: 0.4, cachedInput: 0.025 },
  'openai:gpt-5': { input: 1.25, output: 10, cachedInput: 0.125 },
  'openai:gpt-5-mini': { input: 0.25, output: 2, cachedInput: 0.025 },
  'openai:o4-mini': { input: 1.1, output: 4.4, cachedInput: 0.275 },
  'anthropic:claude-sonnet-4-5': { input: 3, output: 15, cachedInput: 0.3 },
  'anthropic:claude-opus-4-1': { input: 15, output: 75, cachedInput: 1.5 },
  'anthropic:claude-haiku-4-5': { input: 1, output: 5, cachedInput: 0.1 },
  'anthropic:claude-3-5-haiku-latest': { input: 0.8, output: 4, cachedInput: 0.08 },
};

/** Looks up `provider:model`, then the model id without a trailing date (`-2025-08-07`, `-20250929`). */
export function findPrice(
  prices: Readonly<Record<string, ModelPrice>>,
  provider: string,
  modelId: string,
): ModelPrice | undefined {
  return prices[`${provider}:${modelId}`] ?? prices[`${provider}:${modelId.replace(/-(\d{4}-\d{2}-\d{2}|\d{8})$/, '')}`];
}

/** Dollars for one call: uncached input, cached input and output at their per-million prices. */
export function costOf(
  price: ModelPrice,
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number },
): number {
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  return (
    ((usage.inputTokens - cached) * price.input + cached * (price.cachedInput ?? price.input) + usage.outputTokens * price.output) /
    1_000_000
  );
}

/** Providers whose calls cost nothing (offline and in-process models): they need no price. */
export const freeProviders: ReadonlySet<string> = new Set(['scripted', 'local', 'replay']);

/** Whether calls to `provider:modelId` can be priced (a free provider, or an entry in `prices`). */
export function hasPrice(prices: Readonly<Record<string, ModelPrice>>, provider: string, modelId: string): boolean {
  return freeProviders.has(provider) || findPrice(prices, provider, modelId) !== undefined;
}
