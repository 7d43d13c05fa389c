// Dry run: how many model calls a run will make, and roughly how many tokens and dollars per model,
// without calling any model. The game is played once offline: every model is replaced by the seeded
// scripted model under the real model's name, so every prompt of every round is rendered as the run
// would render it (history included), and each call's tokens are counted as characters / 4. Output
// tokens are those of the offline answers (valid, short); a real model's answers may be longer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModelStack } from '../models/wrappers/create-model-stack.js';
import { ScriptedClient } from '../models/scripted/scripted-client.js';
import { defaultPrices, findPrice, costOf, freeProviders } from '../models/prices.js';
import { wrapModel } from '../models/wrappers/wrap-model.js';
import type { GameDefinition } from '../games/definition.js';
import type { RunConfig } from './config/config-schema.js';
import { runExperiment } from './experiment.js';
import { specIdentity, unpricedModels } from './price-check.js';

export const ESTIMATE_METHOD = 'the game played once offline (scripted answers under each model\'s name): every prompt rendered; tokens = characters / 4; output tokens are the offline answers\' (a real model may write more)';

export interface ModelEstimate {
  /** `provider:model`. */
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** US dollars at the model's price; null when it has none. */
  costUsd: number | null;
}

export interface RunEstimate {
  /** Rounds the offline play lasted. */
  rounds: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Sum over priced models; null when no model is priced and some are called. */
  costUsd: number | null;
  models: ModelEstimate[];
  /** Models without a price (free providers excluded). */
  unpriced: string[];
  method: string;
}

export interface EstimateRunOptions {
  config: RunConfig;
  games: ReadonlyMap<string, GameDefinition<unknown>>;
}

export async function estimateRun(options: EstimateRunOptions): Promise<RunEstimate> {
  const { config } = options;
  const prices = { ...defaultPrices, ...config.models.prices };
  const byModel = new Map<string, ModelEstimate>();
  const dir = mkdtempSync(join(tmpdir(), 'polis-estimate-'));
  // Token and dollar budgets would stop an offline play early; a turn budget is part of the game's length.
  const { tokens: _t, dollars: _d, wallTimeMs: _w, ...budget } = config.budget ?? {};
  const offline: RunConfig = { ...config, budget: Object.keys(budget).length ? budget : undefined, models: { ...config.models, cache: false } } as RunConfig;
  let rounds = 0;
  try {
    const result = await runExperiment({
      config: offline,
      out: dir,
      games: options.games,
      buildModel: (spec, { record }) => {
        const identity = specIdentity(spec);
        const name = `${identity.provider}:${identity.modelId}`;
        const model = byModel.get(name) ?? { model: name, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
        byModel.set(name, model);
        const scripted = new ScriptedClient({ random: true, seed: config.seed, keepRequests: false });
        const named = wrapModel({ ...identity, capabilities: scripted.capabilities }, async (request) => {
          const response = await scripted.generate(request);
          model.calls++;
          model.inputTokens += response.usage.inputTokens;
          model.outputTokens += response.usage.outputTokens;
          return { ...response, ...identity };
        });
        return createModelStack(named, { recording: { onCall: record }, usage: false, cache: false, retry: false, pacing: false });
      },
    });
    rounds = result.rounds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const models = [...byModel.values()].filter((m) => m.calls > 0);
  for (const m of models) {
    const { provider, modelId } = specIdentity(m.model);
    const price = freeProviders.has(provider) ? { input: 0, output: 0 } : findPrice(prices, provider, modelId);
    m.costUsd = price ? costOf(price, { inputTokens: m.inputTokens, outputTokens: m.outputTokens, cachedInputTokens: 0 }) : null;
  }
  const priced = models.filter((m) => m.costUsd !== null);
  return {
    rounds,
    calls: models.reduce((s, m) => s + m.calls, 0),
    inputTokens: models.reduce((s, m) => s + m.inputTokens, 0),
    outputTokens: models.reduce((s, m) => s + m.outputTokens, 0),
    costUsd: priced.length || !models.length ? priced.reduce((s, m) => s + m.costUsd!, 0) : null,
    models,
    unpriced: unpricedModels(config, models.map((m) => specIdentity(m.model))),
    method: ESTIMATE_METHOD,
  };
}
