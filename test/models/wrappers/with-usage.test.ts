import { describe, expect, it } from 'vitest';
import { BudgetExceededError } from '../../../src/core/errors/budget-exceeded-error.js';
import type { ModelRequest } from '../../../src/models/model.js';
import { costOf, defaultPrices, findPrice } from '../../../src/models/prices.js';
import { ScriptedClient } from '../../../src/models/scripted/scripted-client.js';
import { withCache } from '../../../src/models/wrappers/with-cache.js';
import { withUsage } from '../../../src/models/wrappers/with-usage.js';
import { UsageLedger } from '../../../src/models/wrappers/usage-ledger.js';

// 1000 input (200 cached), 500 output tokens per call, priced at a made-up $1 / $0.5 cached / $4 per 1M.
const priced = { 'scripted:m': { input: 1, cachedInput: 0.5, output: 4 } };
const model = () => new ScriptedClient({ fallback: 'ok', modelId: 'm', usage: { inputTokens: 1000, cachedInputTokens: 200, outputTokens: 500 } });
const call = (agentId: string, role: string, turn: number): ModelRequest => ({ messages: [{ role: 'user', content: `${agentId} ${turn}` }], call: { agentId, role, turn } });

describe('usage and cost', () => {
  it('prices a call from the table: (800 x 1 + 200 x 0.5 + 500 x 4) / 1e6 = $0.0029', async () => {
    const r = await withUsage(model(), { prices: priced }).generate(call('a', 'worker', 0));
    expect(r.cost).toBeCloseTo(0.0029, 10);
  });

  it('finds dated model ids and falls back to the input price for cached tokens', () => {
    expect(findPrice(defaultPrices, 'openai', 'gpt-4o-mini-2024-07-18')).toBe(defaultPrices['openai:gpt-4o-mini']);
    expect(costOf({ input: 2, output: 0 }, { inputTokens: 10, cachedInputTokens: 5, outputTokens: 0 })).toBeCloseTo(20 / 1e6, 12);
  });

  it('totals per run, agent, role and turn', async () => {
    const usage = withUsage(model(), { prices: priced });
    for (const [agent, role, turn] of [['a', 'worker', 0], ['b', 'worker', 0], ['p', 'planner', 0], ['a', 'worker', 1]] as const) {
      await usage.generate(call(agent, role, turn));
    }
    const { ledger } = usage;
    expect(ledger.total).toMatchObject({ calls: 4, inputTokens: 4000, outputTokens: 2000, cachedInputTokens: 800 });
    expect(ledger.total.cost).toBeCloseTo(4 * 0.0029, 10);
    expect(ledger.byAgent.a).toMatchObject({ calls: 2, inputTokens: 2000 });
    expect(ledger.byRole.worker).toMatchObject({ calls: 3, outputTokens: 1500 });
    expect(ledger.byRole.planner?.cost).toBeCloseTo(0.0029, 10);
    expect(ledger.byTurn['0']).toMatchObject({ calls: 3 });
    expect(ledger.byTurn['1']).toMatchObject({ calls: 1 });
  });

  it('cache hits cost nothing and use no token budget', async () => {
    const usage = withUsage(withCache(model()), { prices: priced });
    await usage.generate(call('a', 'worker', 0));
    const hit = await usage.generate(call('a', 'worker', 0));
    expect(hit).toMatchObject({ cache: 'hit', cost: 0 });
    expect(usage.ledger.total).toMatchObject({ calls: 2, cacheHits: 1, inputTokens: 1000 });
  });

  it('stops at the token budget: the crossing call is returned, the next throws before the provider', async () => {
    const inner = model();
    const usage = withUsage(inner, { prices: priced, maxTokens: 4000 });
    // 1500 tokens per call: 1500, 3000, 4500 (crosses, still returned), then refused.
    for (let t = 0; t < 3; t++) await usage.generate(call('a', 'worker', t));
    const error = await usage.generate(call('a', 'worker', 3)).catch((e) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error).toMatchObject({ budget: 'tokens', limit: 4000, used: 4500 });
    expect(inner.calls).toBe(3);
  });

  it('stops at the dollar budget shared through one ledger', async () => {
    const ledger = new UsageLedger();
    // Worst case of a call: ~1 prompt token + 500 output tokens at $4 per 1M = $0.002.
    const a = withUsage(model(), { prices: priced, ledger, maxDollars: 0.005, worstCaseOutputTokens: 500 });
    const b = withUsage(model(), { prices: priced, ledger, maxDollars: 0.005, worstCaseOutputTokens: 500 });
    await a.generate(call('a', 'worker', 0));
    await b.generate(call('b', 'worker', 0));
    await expect(a.generate(call('a', 'worker', 1))).rejects.toMatchObject({ budget: 'dollars' });
  });

  it('stops before a call whose worst case (prompt + max output tokens) would cross the dollar budget', async () => {
    const inner = model();
    const usage = withUsage(inner, { prices: priced, maxDollars: 0.01 });
    // $0.0029 per call; the worst case of a call with maxTokens 1000 is ~$0.004 (1000 x $4 per 1M).
    const ask = (turn: number): ModelRequest => ({ ...call('a', 'worker', turn), sampling: { maxTokens: 1000 } });
    await usage.generate(ask(0));
    await usage.generate(ask(1));
    // Spent $0.0058: one more call may cost $0.004 and end at $0.0098 (allowed), the next could not.
    await usage.generate(ask(2));
    const error = await usage.generate(ask(3)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as Error).message).toMatch(/dollars budget would be exceeded: used 0\.0087 of 0\.01, and the next call may cost up to 0\.004/);
    expect(inner.calls).toBe(3);
    expect(usage.ledger.total.cost).toBeLessThanOrEqual(0.01);
    // Without maxTokens the worst case assumes 4096 output tokens ($0.0164): refused before any call.
    const fresh = new ScriptedClient({ fallback: 'ok', modelId: 'm' });
    await expect(withUsage(fresh, { prices: priced, maxDollars: 0.01 }).generate(call('a', 'w', 0))).rejects.toBeInstanceOf(BudgetExceededError);
    expect(fresh.calls).toBe(0);
  });

  it('lists models without a price', async () => {
    const usage = withUsage(model());
    expect((await usage.generate(call('a', 'w', 0))).cost).toBe(0);
    expect([...usage.ledger.unpriced]).toEqual(['scripted:m']);
  });
});
