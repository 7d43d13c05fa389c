// The standard way a run builds its models: `createModel(spec)` wrapped in `createModelStack` with the
// config's pacing, retry, cache and prices, recording into the engine. The `local:` provider is loaded
// only when a config uses it (node-llama-cpp is heavy to import, and an optional peer dependency).
import { resolve } from 'node:path';
import { canonicalJson } from '../core/hash.js';
import { importPeer } from '../core/optional-peer.js';
import { createModel } from '../models/create-model.js';
import type { ModelClient } from '../models/model.js';
import { createModelStack } from '../models/wrappers/create-model-stack.js';
import { UsageLedger } from '../models/wrappers/usage-ledger.js';
import type { RunConfig } from './config/config-schema.js';
import type { ModelBuilder } from './experiment.js';
import type { SharedModels } from './shared-models.js';

/** Model specs a config mentions. */
export function modelSpecs(config: RunConfig): string[] {
  const specs = new Set<string>([config.models.default]);
  for (const a of config.agents) {
    if ('model' in a.policy) specs.add(a.policy.model === 'default' ? config.models.default : a.policy.model);
    if (a.memory?.kind === 'summary' && a.memory.model) specs.add(a.memory.model);
  }
  return [...specs];
}

/**
 * Registers providers that are loaded on demand (today: `local:`), for the specs a config uses. Throws a
 * `MissingPackageError` when `local:` is used and the optional peer node-llama-cpp is not installed.
 */
export async function prepareProviders(specs: readonly string[]): Promise<void> {
  if (specs.some((s) => s.startsWith('local:'))) {
    await importPeer({ peer: 'node-llama-cpp', feature: '`local:` models', load: () => import('../local-models/register-local-provider.js') });
  }
}

export interface DefaultModelOptions {
  /** Base directory for a relative `models.cache` path. @default process.cwd() */
  baseDir?: string;
  /**
   * Stacks, cache stores and a budgeted ledger shared with other runs (a sweep passes one to every cell's
   * builder). @default none: everything belongs to this builder's run
   */
  shared?: SharedModels;
}

/**
 * One builder per run: its ledger (and the run's token and dollar budget) covers every model the run
 * builds. The order is the standard one, with the shared ledger (when given) between the run's usage and
 * the shared cache:
 *
 *   structured output -> recording -> run usage -> [shared usage] -> cache -> retry -> pacing -> adapter
 */
export function defaultModelBuilder(options: DefaultModelOptions = {}): ModelBuilder {
  const ledger = new UsageLedger();
  const { shared } = options;
  return (spec, { record, config }) => {
    const m = config.models;
    const prices = m.prices ? { ...m.prices } : undefined;
    const cacheDir = m.cache ? resolve(options.baseDir ?? process.cwd(), m.cache) : undefined;
    const settings = {
      retry: { maxAttempts: m.maxAttempts },
      pacing: {
        concurrency: m.concurrency,
        ...(m.requestsPerMinute ? { requestsPerMinute: m.requestsPerMinute } : {}),
        ...(m.tokensPerMinute ? { tokensPerMinute: m.tokensPerMinute } : {}),
      },
    };
    const buildLower = (): ModelClient => {
      const adapter = createModel(spec, { seed: config.seed, path: 'models.default' });
      const limited = settings.pacing.requestsPerMinute !== undefined || settings.pacing.tokensPerMinute !== undefined;
      const window = limited ? shared?.options.rateWindow?.(`${adapter.provider}:${adapter.modelId}`, { ...settings.pacing, windowMs: 1000 }) : undefined;
      return createModelStack(adapter, {
        structuredOutput: false,
        usage: false,
        // The seed is part of the key: another seed asking the same question is another sample, and a
        // seeded model must not be served another seed's answer.
        cache: cacheDir ? { store: shared?.cacheStore(cacheDir) ?? cacheDir, namespace: `seed:${config.seed}` } : false,
        retry: settings.retry,
        pacing: { ...settings.pacing, ...(window ? { window } : {}) },
      });
    };
    let client = shared ? shared.lowerStack(canonicalJson({ spec, seed: config.seed, cacheDir: cacheDir ?? null, settings }), buildLower) : buildLower();
    if (shared) client = shared.usageLayer(client, prices);
    return createModelStack(client, {
      recording: { onCall: record },
      usage: {
        ledger,
        ...(prices ? { prices } : {}),
        ...(config.budget?.tokens ? { maxTokens: config.budget.tokens } : {}),
        ...(config.budget?.dollars ? { maxDollars: config.budget.dollars } : {}),
      },
      cache: false,
      retry: false,
      pacing: false,
    });
  };
}
