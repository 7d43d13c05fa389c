// The standard way a run builds its models: `createModel(spec)` wrapped in `createModelStack` with the
// config's pacing, retry, cache and prices, recording into the engine. The `local:` provider is loaded
// only when a config uses it (node-llama-cpp is heavy to import).
import { resolve } from 'node:path';
import { createModel } from '../models/create-model.js';
import { createModelStack } from '../models/wrappers/create-model-stack.js';
import { UsageLedger } from '../models/wrappers/usage-ledger.js';
import type { RunConfig } from './config/config-schema.js';
import type { ModelBuilder } from './experiment.js';

/** Model specs a config mentions. */
export function modelSpecs(config: RunConfig): string[] {
  const specs = new Set<string>([config.models.default]);
  for (const a of config.agents) {
    if ('model' in a.policy) specs.add(a.policy.model === 'default' ? config.models.default : a.policy.model);
    if (a.memory?.kind === 'summary' && a.memory.model) specs.add(a.memory.model);
  }
  return [...specs];
}

/** Registers providers that are loaded on demand (today: `local:`), for the specs a config uses. */
export async function prepareProviders(specs: readonly string[]): Promise<void> {
  if (specs.some((s) => s.startsWith('local:'))) await import('../local-models/register-local-provider.js');
}

export interface DefaultModelOptions {
  /** Base directory for a relative `models.cache` path. @default process.cwd() */
  baseDir?: string;
}

export function defaultModelBuilder(options: DefaultModelOptions = {}): ModelBuilder {
  const ledger = new UsageLedger();
  return (spec, { record, config }) => {
    const m = config.models;
    const base = createModel(spec, { seed: config.seed, path: 'models.default' });
    return createModelStack(base, {
      recording: { onCall: record },
      usage: {
        ledger,
        ...(m.prices ? { prices: Object.fromEntries(Object.entries(m.prices).map(([k, v]) => [k, v])) } : {}),
        ...(config.budget?.tokens ? { maxTokens: config.budget.tokens } : {}),
        ...(config.budget?.dollars ? { maxDollars: config.budget.dollars } : {}),
      },
      cache: m.cache ? { store: resolve(options.baseDir ?? process.cwd(), m.cache) } : false,
      retry: { maxAttempts: m.maxAttempts },
      pacing: {
        concurrency: m.concurrency,
        ...(m.requestsPerMinute ? { requestsPerMinute: m.requestsPerMinute } : {}),
        ...(m.tokensPerMinute ? { tokensPerMinute: m.tokensPerMinute } : {}),
      },
    });
  };
}
