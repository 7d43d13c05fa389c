// A dollar budget is only as good as the prices behind it: a model with no price counts as $0, so a run
// (or a sweep) with a dollar budget and such a model is refused before it starts. `polis run`, sweeps and
// SDK callers all reach this through runExperiment.
import { UnpricedModelError } from '../core/errors/unpriced-model-error.js';
import { defaultPrices, hasPrice } from '../models/prices.js';
import type { RunConfig } from './config/config-schema.js';

export interface ModelIdentity {
  provider: string;
  modelId: string;
}

/** `provider` and model id of a spec as the built-in providers name them (`openai-compatible:m@url` is `m`). */
export function specIdentity(spec: string): ModelIdentity {
  const colon = spec.indexOf(':');
  const provider = colon > 0 ? spec.slice(0, colon) : spec;
  const rest = colon > 0 ? spec.slice(colon + 1) : '';
  const at = rest.lastIndexOf('@');
  return { provider, modelId: provider === 'openai-compatible' && at > 0 ? rest.slice(0, at) : rest };
}

/** `provider:model` of each model without a price in the config's `models.prices` or the default table. */
export function unpricedModels(config: Pick<RunConfig, 'models'>, models: Iterable<ModelIdentity>): string[] {
  const prices = { ...defaultPrices, ...config.models.prices };
  const missing = new Set<string>();
  for (const m of models) if (!hasPrice(prices, m.provider, m.modelId)) missing.add(`${m.provider}:${m.modelId}`);
  return [...missing].sort();
}

/** Throws UnpricedModelError when `dollars` is set and a model has no price. */
export function assertPricedBudget(dollars: number | undefined, config: Pick<RunConfig, 'models'>, models: Iterable<ModelIdentity>): void {
  if (dollars === undefined) return;
  const missing = unpricedModels(config, models);
  if (missing.length) throw new UnpricedModelError(missing, dollars);
}
