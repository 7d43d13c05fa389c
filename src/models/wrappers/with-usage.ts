// Prices each call, adds it to a UsageLedger and enforces token and dollar budgets. A budget is checked
// before each call (a call that would start past the limit throws BudgetExceededError without reaching
// the provider); the call that crosses the limit is still returned and accounted.
import { BudgetExceededError, type BudgetScope } from '../../core/errors/budget-exceeded-error.js';
import type { ModelClient, ModelRequest, ModelResponse } from '../model.js';
import { wrapModel } from './wrap-model.js';
import { costOf, defaultPrices, findPrice, type ModelPrice } from '../prices.js';
import { UsageLedger } from './usage-ledger.js';

export interface UsageOptions {
  /** Totals go here; share one ledger across all clients of a run. @default a new ledger */
  ledger?: UsageLedger;
  /** Prices by `provider:model`, merged over the default table. */
  prices?: Record<string, ModelPrice>;
  /** Most input+output tokens for the ledger's run (cache hits do not count). @default unlimited */
  maxTokens?: number;
  /** Most US dollars for the ledger's run. @default unlimited */
  maxDollars?: number;
  /**
   * Output tokens a call may produce when its request sets no `sampling.maxTokens`, for the worst case
   * checked against `maxDollars` before each call. @default 4096
   */
  worstCaseOutputTokens?: number;
  /** Named in BudgetExceededError: a run's ledger, or a sweep's shared by all its cells. @default 'run' */
  scope?: BudgetScope;
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/** Accounts `client`'s calls; `response.cost` is set (0 for cache hits and shared answers). */
export function withUsage(client: ModelClient, options: UsageOptions = {}): ModelClient & { ledger: UsageLedger } {
  const ledger = options.ledger ?? new UsageLedger();
  const prices = { ...defaultPrices, ...options.prices };
  const wrapped = wrapModel(client, async <T>(request: ModelRequest<T>): Promise<ModelResponse<T>> => {
    if (options.maxTokens !== undefined && ledger.tokens >= options.maxTokens) {
      throw new BudgetExceededError('tokens', options.maxTokens, ledger.tokens, options.scope);
    }
    if (options.maxDollars !== undefined && ledger.total.cost >= options.maxDollars) {
      throw new BudgetExceededError('dollars', options.maxDollars, ledger.total.cost, options.scope);
    }
    if (options.maxDollars !== undefined) {
      // Stop before a call that could cross the budget: its prompt (about 4 characters a token) plus its
      // maximum output, at the model's price. A model without a price is refused before the run starts.
      const price = findPrice(prices, client.provider, client.modelId);
      if (price) {
        const prompt = Math.ceil(request.messages.reduce((n, m) => n + m.content.length, 0) / 4);
        const output = request.sampling?.maxTokens ?? options.worstCaseOutputTokens ?? 4096;
        const worst = costOf(price, { inputTokens: prompt, outputTokens: output, cachedInputTokens: 0 });
        if (ledger.total.cost + worst > options.maxDollars) {
          throw new BudgetExceededError('dollars', options.maxDollars, round6(ledger.total.cost), options.scope, round6(worst));
        }
      }
    }
    const response = await client.generate(request);
    const cached = response.cache === 'hit' || response.cache === 'shared';
    const price = findPrice(prices, response.provider, response.modelId) ?? findPrice(prices, client.provider, client.modelId);
    if (!price && !cached) ledger.unpriced.add(`${response.provider}:${response.modelId}`);
    const cost = cached || !price ? 0 : costOf(price, response.usage);
    const call = request.call ?? {};
    ledger.record({
      agentId: call.agentId,
      role: call.role,
      turn: call.turn,
      provider: response.provider,
      modelId: response.modelId,
      usage: response.usage,
      cost,
      cached,
    });
    return { ...response, cost };
  });
  return Object.assign(wrapped, { ledger });
}
