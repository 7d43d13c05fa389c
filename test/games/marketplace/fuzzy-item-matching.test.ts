// A misspelled item counts for needs_met (and passes the proposal checks) only with fuzzy matching on
// (spec 6.2 "optionally with fuzzy Levenshtein matching"; run_analytics.py `fuzzy_match_distance`).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { customerUtility, loadMarket, MarketplaceGame, marketplaceParamsSchema } from '../../../src/games/marketplace/index.js';

const market = loadMarket('mexican_3_9');
const susan = market.customers[0]!;
const businesses = new Map(market.businesses.map((b) => [b.id, b]));
const agua = 'Pineapple Jalapeno Agua Fresca';
const misspelt = 'Savory Pumkin Empanadas'; // one deletion from "Savory Pumpkin Empanadas"
const farOff = 'Savory Pumkin Empanada'; // two deletions (p, s)
const paid = (items: string[], total: number) => ({
  business: 'business_0001',
  customer: susan.id,
  messageIndex: 0,
  deliverTick: 1,
  paidTick: 1,
  proposal: { id: 'p', items: items.map((item_name) => ({ item_name, quantity: 1, unit_price: 1 })), total_price: total },
});

describe('needs_met with fuzzy matching', () => {
  // Susan values both items at 2 × (3.99 + 9.49) = 26.96; business_0001 charges 2.73 + 10.78 = 13.51.
  it('does not count a misspelled item when off', () => {
    expect(customerUtility(susan, [paid([agua, misspelt], 13.51)], businesses)).toBeCloseTo(-13.51, 9);
  });
  it('counts it when within the distance', () => {
    expect(customerUtility(susan, [paid([agua, misspelt], 13.51)], businesses, { maxDistance: 1 })).toBeCloseTo(26.96 - 13.51, 9);
  });
  it('does not count a name beyond the distance', () => {
    expect(customerUtility(susan, [paid([agua, farOff], 13.51)], businesses, { maxDistance: 1 })).toBeCloseTo(-13.51, 9);
    expect(customerUtility(susan, [paid([agua, farOff], 13.51)], businesses, { maxDistance: 2 })).toBeCloseTo(26.96 - 13.51, 9);
  });
});

describe('the game with fuzzyItemMatching', () => {
  const proposal = { id: 'p1', items: [{ item_name: agua, quantity: 1, unit_price: 2.73 }, { item_name: misspelt, quantity: 1, unit_price: 10.78 }], total_price: 13.51 };
  const action = { type: 'propose' as const, to: 'customer_0001', proposal };
  it('is off by default and takes a distance', () => {
    expect(marketplaceParamsSchema.parse({}).fuzzyItemMatching).toBeUndefined();
    expect(() => marketplaceParamsSchema.parse({ fuzzyItemMatching: { maxDistance: 0 } })).toThrow();
  });
  it('accepts the misspelled proposal at the matched item price only when on', () => {
    const strict = new MarketplaceGame({ market });
    const fuzzy = new MarketplaceGame({ market, fuzzyItemMatching: { maxDistance: 1 } });
    expect(strict.legality(strict.init(Rng.fromSeed(1)), 'business_0001', action)).toMatch(/not on business_0001's menu/);
    expect(fuzzy.legality(fuzzy.init(Rng.fromSeed(1)), 'business_0001', action)).toBeUndefined();
    const wrongPrice = { ...action, proposal: { ...proposal, items: [proposal.items[0]!, { ...proposal.items[1]!, unit_price: 9 }], total_price: 11.73 } };
    expect(fuzzy.legality(fuzzy.init(Rng.fromSeed(1)), 'business_0001', wrongPrice)).toMatch(/menu price 10.78 of "Savory Pumpkin Empanadas"/);
  });
  it('values the paid misspelled proposal in payoffs and welfare', () => {
    const fuzzy = new MarketplaceGame({ market, fuzzyItemMatching: { maxDistance: 1 }, baselineBootstrapSamples: 0, baselineRepetitions: 10 });
    const rng = Rng.fromSeed(1);
    let s = fuzzy.init(rng);
    s = fuzzy.apply(s, new Map([['business_0001', action]]), rng).state;
    s = fuzzy.apply(s, new Map([['customer_0001', { type: 'pay' as const, business: 'business_0001', proposal_id: 'p1' }]]), rng).state;
    expect(fuzzy.payoffs(s).customer_0001).toBeCloseTo(26.96 - 13.51, 9);
    expect(fuzzy.metrics(s).welfare).toBeCloseTo(26.96 - 13.51, 9);
    const strict = new MarketplaceGame({ market, baselineBootstrapSamples: 0, baselineRepetitions: 10 });
    expect(strict.payoffs(s).customer_0001).toBeCloseTo(-13.51, 9);
  });
});
