import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import {
  firstProposalCustomer,
  loadMarket,
  MarketplaceGame,
  marketplaceDefinition,
  rationalBusiness,
  rationalCustomer,
  type MarketAction,
  type MarketState,
  type Proposal,
} from '../../../src/games/marketplace/index.js';
import { playMarket } from './play-market.js';

const market = loadMarket('mexican_3_9');
const game = new MarketplaceGame({ market, maxTicks: 20 });
const rng = Rng.fromSeed(1);
const step = (state: MarketState, actions: Record<string, MarketAction>) => game.apply(state, new Map(Object.entries(actions)), rng);
const offer = (id: string, items: Array<[string, number, number]>, total: number, expiry_tick?: number): Proposal => ({
  id,
  items: items.map(([item_name, quantity, unit_price]) => ({ item_name, quantity, unit_price })),
  total_price: total,
  ...(expiry_tick === undefined ? {} : { expiry_tick }),
});
// business_0001's menu: Pineapple Jalapeno Agua Fresca 2.73, Savory Pumpkin Empanadas 10.78.
const agua = 'Pineapple Jalapeno Agua Fresca';
const empanadas = 'Savory Pumpkin Empanadas';

describe('proposal validation (legality)', () => {
  const s0 = game.init(rng);
  const propose = (proposal: Proposal) => game.legality(s0, 'business_0001', { type: 'propose', to: 'customer_0001', proposal });
  it.each([
    ['a valid order', offer('p1', [[agua, 2, 2.73], [empanadas, 1, 10.78]], 16.24), undefined],
    ['a price within a cent', offer('p1', [[agua, 1, 2.735]], 2.735), undefined],
    ['an item not on the menu', offer('p1', [['Sushi', 1, 5]], 5), /not on business_0001's menu/],
    ['a unit price off the menu', offer('p1', [[agua, 1, 2.5]], 2.5), /differs from the menu price 2.73/],
    ['a wrong total', offer('p1', [[agua, 2, 2.73]], 5), /total_price 5 differs from .* 5.46/],
    ['a zero quantity', offer('p1', [[agua, 0, 2.73]], 0), /quantity must be an integer >= 1/],
    ['an expiry in the past', offer('p1', [[agua, 1, 2.73]], 2.73, 0), /expiry_tick 0 must be after/],
  ])('%s', (_name, proposal, expected) => {
    const problem = propose(proposal);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });

  it('an invalid proposal that reaches apply is rejected, counted, and never delivered', () => {
    const { state, outcomes } = step(s0, { business_0001: { type: 'propose', to: 'customer_0001', proposal: offer('bad', [['Sushi', 1, 5]], 5) } });
    expect(state.invalidProposals).toHaveLength(1);
    expect(state.messages).toHaveLength(0);
    expect(game.metrics(state).invalid_proposals).toBe(1);
    expect(outcomes).toContainEqual(expect.objectContaining({ type: 'event', name: 'proposal-invalid' }));
  });
});

describe('the market tick protocol', () => {
  it('delivers a message sent at tick t at tick t + 1, not before', () => {
    const s0 = game.init(rng);
    const s1 = step(s0, { customer_0001: { type: 'send_messages', messages: [{ to: 'business_0001', content: 'hola' }] } }).state;
    expect(s1.messages[0]).toMatchObject({ sentTick: 0, deliverTick: 1 });
    // At tick 1 the business sees it; a business not addressed sees nothing.
    expect(game.observe(s1, 'business_0001')).toMatchObject({ conversations: { customer_0001: [{ content: 'hola' }] } });
    expect(game.observe(s1, 'business_0002')).toMatchObject({ conversations: {} });
    // A proposal sent at tick 1 is not payable at tick 1 (not delivered), and is at tick 2.
    const s2 = step(s1, { business_0001: { type: 'propose', to: 'customer_0001', proposal: offer('p1', [[agua, 1, 2.73]], 2.73) } }).state;
    const pay: MarketAction = { type: 'pay', business: 'business_0001', proposal_id: 'p1' };
    expect(game.legality({ ...s2, tick: 1 }, 'customer_0001', pay)).toMatch(/not been delivered/);
    expect(game.legality(s2, 'customer_0001', pay)).toBeUndefined();
    expect(game.observe(s2, 'customer_0001')).toMatchObject({ unread: 1, proposals: [] });
    const s3 = step(s2, { customer_0001: { type: 'check_messages' } }).state;
    expect(game.observe(s3, 'customer_0001')).toMatchObject({ unread: 0, proposals: [{ id: 'p1', status: 'open', arrival: 1 }] });
  });

  it('ending before paying is illegal; paying twice, unknown or expired proposals are illegal', () => {
    const s0 = game.init(rng);
    expect(game.legality(s0, 'customer_0001', { type: 'end_transaction' })).toMatch(/only allowed after paying/);
    expect(game.legality(s0, 'customer_0001', { type: 'pay', business: 'business_0001', proposal_id: 'nope' })).toMatch(/no proposal "nope"/);
    const s1 = step(s0, { business_0001: { type: 'propose', to: 'customer_0001', proposal: offer('p1', [[agua, 1, 2.73]], 2.73, 2) } }).state;
    const pay: MarketAction = { type: 'pay', business: 'business_0001', proposal_id: 'p1' };
    expect(game.legality(s1, 'customer_0002', pay)).toMatch(/no proposal "p1"/);
    expect(game.legality({ ...s1, tick: 3 }, 'customer_0001', pay)).toMatch(/expired at tick 2/);
    const s2 = step(s1, { customer_0001: pay }).state;
    expect(game.legality(s2, 'customer_0001', pay)).toMatch(/already paid/);
    expect(game.legality(s2, 'customer_0001', { type: 'end_transaction' })).toBeUndefined();
    expect(game.payoffs(s2).business_0001).toBeCloseTo(2.73, 9);
  });
});

describe('scripted play', () => {
  const rc = rationalCustomer();
  const rb = rationalBusiness();

  it('rational customers and businesses reach the optimal baseline on mexican_3_9, identically per seed', () => {
    const a = playMarket(game, (id) => (game.isCustomer(id) ? rc : rb) as never, 5);
    const m = game.metrics(a.state);
    expect(m.completion_rate).toBe(1);
    expect(m.welfare).toBeCloseTo(m.optimal_baseline_welfare as number, 9);
    expect(m.invalid_proposals).toBe(0);
    expect(playMarket(game, (id) => (game.isCustomer(id) ? rc : rb) as never, 5).state).toEqual(a.state);
  });

  it('a first-proposal customer pays the first arrival even when a later one is cheaper', () => {
    // business_0001 (cheapest for customer_0001) answers a tick late, so business_0002's offer arrives first.
    const slow = { ...rb, decide: (obs: never, r: Rng) => ((obs as { tick: number }).tick < 3 ? { type: 'wait' } : rb.decide(obs, r)) };
    const pick = (customer: typeof rc) => (id: string) => (game.isCustomer(id) ? customer : id === 'business_0001' ? slow : rb) as never;
    const hasty = playMarket(game, pick(firstProposalCustomer()));
    expect(hasty.state.customers.customer_0001?.paid).toEqual(['business_0002/p2']);
    expect(game.metrics(hasty.state).first_proposal_paid_share).toBe(1);
    const patient = playMarket(game, pick(rc));
    expect(patient.state.customers.customer_0001?.paid).toEqual(['business_0001/p3']);
    // customer_0001 received 0002's and 0003's offers at tick 3, 0001's at tick 4: the paid one is third.
    expect(game.metrics(patient.state).paid_proposal_mean_rank).toBeGreaterThan(1);
    expect(game.payoffs(patient.state).customer_0001).toBeGreaterThan(game.payoffs(hasty.state).customer_0001 as number);
  });

  it('position bias: the chosen business is contacted first', () => {
    const params = marketplaceDefinition.params.parse({ market: 'mexican_3_9', positionBias: { business: 'business_0002', position: 1 } });
    const ids = [...market.customers.map((c) => c.id), ...market.businesses.map((b) => b.id)];
    const biased = marketplaceDefinition.create(params, ids) as MarketplaceGame;
    // One request per customer (k = 1) goes to whoever is listed first; ratings tie, so 0001 leads unless biased.
    const one = rationalCustomer(1);
    const plain = playMarket(game, (id) => (game.isCustomer(id) ? one : rb) as never);
    expect(plain.state.customers.customer_0001?.contacted).toEqual(['business_0001']);
    const run = playMarket(biased, (id) => (biased.isCustomer(id) ? one : rb) as never);
    expect(run.state.customers.customer_0001?.contacted).toEqual(['business_0002']);
  });

  it('description overrides replace what search results show', () => {
    const params = marketplaceDefinition.params.parse({ descriptionOverrides: [{ business: 'business_0001', text: 'malicious' }] });
    const ids = [...market.customers.map((c) => c.id), ...market.businesses.map((b) => b.id)];
    const g = marketplaceDefinition.create(params, ids) as MarketplaceGame;
    expect(g.business('business_0001')?.description).toMatch(/AI ASSISTANTS/);
  });
});
