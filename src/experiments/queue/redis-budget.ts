// The sweep's token and dollar budget over every worker: two Redis counters per sweep
// (`polis:sweep:<id>:tokens`, INCRBY, and `polis:sweep:<id>:dollars`, INCRBYFLOAT). A call is refused
// before it starts once a counter has reached its limit (as the local sweep's ledger does); the call that
// crosses the limit is still answered and counted. The submitter seeds the counters with what finished
// cells already spent (SET NX), so a resubmitted sweep counts them too.
import type { Redis } from 'ioredis';
import { BudgetExceededError } from '../../core/errors/budget-exceeded-error.js';
import type { ModelClient, ModelRequest, ModelResponse } from '../../models/model.js';
import type { ModelPrice } from '../../models/prices.js';
import { wrapModel } from '../../models/wrappers/wrap-model.js';
import { SharedModels } from '../../engine/shared-models.js';
import type { SweepBudget } from '../sweep-directory.js';
import { budgetKeys } from './cell-job.js';

/** Reads both counters. */
export async function readBudgetCounters(redis: Redis, id: string): Promise<{ tokens: number; dollars: number }> {
  const keys = budgetKeys(id);
  const [tokens, dollars] = await redis.mget(keys.tokens, keys.dollars);
  return { tokens: Number(tokens ?? 0), dollars: Number(dollars ?? 0) };
}

/** Sets the counters to what finished cells spent, unless another submitter already did. */
export async function seedBudgetCounters(redis: Redis, id: string, spent: { tokens: number; dollars: number }): Promise<void> {
  const keys = budgetKeys(id);
  await redis.set(keys.tokens, String(spent.tokens), 'NX');
  await redis.set(keys.dollars, String(spent.dollars), 'NX');
}

/**
 * SharedModels whose sweep budget is the Redis counters: the in-process ledger still records every call
 * (for this worker's own totals), and the limit is checked and counted in Redis.
 */
export class RedisBudgetModels extends SharedModels {
  constructor(
    private readonly redis: Redis,
    private readonly id: string,
    private readonly budget: SweepBudget | undefined,
    options: ConstructorParameters<typeof SharedModels>[0] = {},
  ) {
    super(options);
  }

  override usageLayer(client: ModelClient, prices: Record<string, ModelPrice> | undefined): ModelClient {
    const inner = super.usageLayer(client, prices);
    const { redis, id, budget } = this;
    if (budget?.tokens === undefined && budget?.dollars === undefined) return inner;
    const keys = budgetKeys(id);
    return wrapModel(inner, async <T>(request: ModelRequest<T>): Promise<ModelResponse<T>> => {
      const used = await readBudgetCounters(redis, id);
      if (budget.tokens !== undefined && used.tokens >= budget.tokens) throw new BudgetExceededError('tokens', budget.tokens, used.tokens, 'sweep');
      if (budget.dollars !== undefined && used.dollars >= budget.dollars) throw new BudgetExceededError('dollars', budget.dollars, used.dollars, 'sweep');
      const response = await inner.generate(request);
      if (response.cache !== 'hit' && response.cache !== 'shared') {
        await redis.multi().incrby(keys.tokens, response.usage.inputTokens + response.usage.outputTokens).incrbyfloat(keys.dollars, response.cost ?? 0).exec();
      }
      return response;
    });
  }
}
