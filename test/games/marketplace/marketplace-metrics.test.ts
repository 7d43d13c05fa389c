// Utilities and baselines of spec 6.2, recomputed here from the raw YAML with plain code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { customerUtility, loadMarket, marketplaceBaselines, MARKETPLACE_DATA_DIR, type Market } from '../../../src/games/marketplace/index.js';

type Raw = { id: string; menu_features: Record<string, number>; amenity_features: string[] | Record<string, boolean> };
const readAll = (dir: string): Raw[] => readdirSync(dir).sort().map((f) => parse(readFileSync(join(dir, f), 'utf8')) as Raw);

describe('baselines on mexican_3_9', () => {
  const dir = join(MARKETPLACE_DATA_DIR, 'mexican_3_9');
  const customers = readAll(join(dir, 'customers'));
  const businesses = readAll(join(dir, 'businesses'));
  const baselines = marketplaceBaselines(loadMarket('mexican_3_9'));

  it('equal an independent recomputation from the YAML files', () => {
    let optimal = 0;
    let cheapest = 0;
    for (const c of customers) {
      const items = Object.keys(c.menu_features);
      const value = 2 * items.reduce((s, i) => s + (c.menu_features[i] as number), 0);
      const offers = businesses
        .filter((b) => items.every((i) => b.menu_features[i] !== undefined))
        .map((b) => ({
          cost: items.reduce((s, i) => s + (b.menu_features[i] as number), 0),
          amenities: (c.amenity_features as string[]).every((a) => (b.amenity_features as Record<string, boolean>)[a]),
        }));
      const withAmenities = offers.filter((o) => o.amenities).map((o) => o.cost);
      if (withAmenities.length) optimal += value - Math.min(...withAmenities);
      const low = offers.slice().sort((a, b) => a.cost - b.cost)[0];
      if (low) cheapest += (low.amenities ? value : 0) - low.cost;
    }
    expect(baselines.pick_optimal_baseline).toBeCloseTo(optimal, 9);
    expect(baselines.pick_cheapest_baseline).toBeCloseTo(cheapest, 9);
  });

  it('match hand-checked values', () => {
    // customer_0001: 2 × (3.99 + 9.49) = 26.96; business_0001 sells both for 2.73 + 10.78 = 13.51 with outdoor seating.
    expect(baselines.perCustomer.customer_0001).toMatchObject({ optimalBusiness: 'business_0001' });
    expect(baselines.perCustomer.customer_0001?.optimal).toBeCloseTo(13.45, 9);
    // customer_0003: 2 × (13.49 + 6.99 + 15.99) = 72.94; business_0008: 14.78 + 8.19 + 9.91 = 32.88, large groups + parking.
    expect(baselines.perCustomer.customer_0003?.optimal).toBeCloseTo(40.06, 9);
    // customer_0002: 2 × 9.29 − 8.31 (business_0004, takes reservations) = 10.27; total 13.45 + 10.27 + 40.06.
    expect(baselines.pick_optimal_baseline).toBeCloseTo(63.78, 9);
  });
});

describe('the cheapest baseline ignores amenities', () => {
  it('loses the value when the cheapest business lacks an amenity', () => {
    const market: Market = {
      name: 'tiny',
      customers: [{ id: 'c', name: 'C', request: '', menu_features: { Taco: 5 }, amenity_features: ['Free Wifi'] }],
      businesses: [
        { id: 'b1', name: 'B1', description: '', rating: 1, menu_features: { Taco: 3 }, amenity_features: { 'Free Wifi': false }, min_price_factor: 1 },
        { id: 'b2', name: 'B2', description: '', rating: 1, menu_features: { Taco: 4 }, amenity_features: { 'Free Wifi': true }, min_price_factor: 1 },
      ],
    };
    const b = marketplaceBaselines(market);
    expect(b.pick_optimal_baseline).toBeCloseTo(10 - 4, 12);
    expect(b.pick_cheapest_baseline).toBeCloseTo(0 - 3, 12);
  });
});

describe('customerUtility', () => {
  const market = loadMarket('mexican_3_9');
  const susan = market.customers[0]!;
  const businesses = new Map(market.businesses.map((b) => [b.id, b]));
  const paid = (business: string, items: string[], total: number) => ({
    business,
    customer: susan.id,
    messageIndex: 0,
    deliverTick: 1,
    paidTick: 1,
    proposal: { id: 'p', items: items.map((item_name) => ({ item_name, quantity: 1, unit_price: 1 })), total_price: total },
  });
  const both = ['Pineapple Jalapeno Agua Fresca', 'Savory Pumpkin Empanadas'];

  it('values met needs at twice the requested prices, minus payments', () => {
    expect(customerUtility(susan, [paid('business_0001', both, 13.51)], businesses)).toBeCloseTo(26.96 - 13.51, 9);
  });
  it('gives no value without the amenity (business_0003 has no outdoor seating) or with a missing item', () => {
    expect(customerUtility(susan, [paid('business_0003', both, 14.34)], businesses)).toBeCloseTo(-14.34, 9);
    expect(customerUtility(susan, [paid('business_0001', [both[0]!], 2.73)], businesses)).toBeCloseTo(-2.73, 9);
  });
  it('counts the value once but every payment', () => {
    expect(customerUtility(susan, [paid('business_0001', both, 13.51), paid('business_0002', both, 13.76)], businesses)).toBeCloseTo(26.96 - 13.51 - 13.76, 9);
  });
});
