import { describe, expect, it } from 'vitest';
import { bm25Scores, loadMarket, searchBusinesses, type Business, type Customer } from '../../../src/games/marketplace/index.js';

const market = loadMarket('mexican_3_9');
const susan = market.customers[0] as Customer;

const biz = (id: string, rating: number, description: string, menu: Record<string, number>, amenities: string[] = []): Business => ({
  id,
  name: id,
  description,
  rating,
  menu_features: menu,
  amenity_features: Object.fromEntries(amenities.map((a) => [a, true])),
  min_price_factor: 0.8,
});
const tiny = [
  biz('b1', 0.2, 'tacos and more tacos', { Taco: 2 }, ['Free Wifi']),
  biz('b2', 0.9, 'fine dining', { Mole: 12, Taco: 3 }),
  biz('b3', 0.5, 'taco truck', { Taco: 1, Churro: 1 }, ['Free Wifi']),
];
const wantsTaco: Customer = { id: 'c', name: 'C', request: 'a taco', menu_features: { Taco: 2 }, amenity_features: [] };

describe('searchBusinesses', () => {
  it('simple: everyone, by rating, paginated', () => {
    const r = searchBusinesses(tiny, { query: '', algorithm: 'simple', limit: 2 }, wantsTaco);
    expect(r).toMatchObject({ businesses: ['b2', 'b3'], total_possible_results: 3, total_pages: 2 });
    expect(searchBusinesses(tiny, { query: '', algorithm: 'simple', limit: 2, page: 2 }, wantsTaco).businesses).toEqual(['b1']);
  });

  it('filtered: query on name or description plus constraints', () => {
    expect(searchBusinesses(tiny, { query: 'taco', algorithm: 'filtered' }, wantsTaco).businesses).toEqual(['b3', 'b1']);
    const withWifi = searchBusinesses(tiny, { query: '', algorithm: 'filtered', constraints: { amenity_features: ['Free Wifi'], rating_threshold: 0.3 } }, wantsTaco);
    expect(withWifi.businesses).toEqual(['b3']);
    expect(searchBusinesses(tiny, { query: '', algorithm: 'filtered', constraints: { menu_items: ['Mole'] } }, wantsTaco).businesses).toEqual(['b2']);
  });

  it('optimal: only businesses with every requested item', () => {
    // Susan wants the agua fresca and the pumpkin empanadas: businesses 1, 2, 3 of mexican_3_9 serve both.
    expect(searchBusinesses(market.businesses, { query: '', algorithm: 'optimal' }, susan).businesses).toEqual(['business_0001', 'business_0002', 'business_0003']);
  });

  it('position bias: the chosen business is moved to the given rank', () => {
    const base = { query: '', algorithm: 'optimal' as const };
    expect(searchBusinesses(market.businesses, base, susan, { business: 'business_0003', position: 1 }).businesses[0]).toBe('business_0003');
    expect(searchBusinesses(market.businesses, base, susan, { business: 'business_0001', position: 3 }).businesses).toEqual(['business_0002', 'business_0003', 'business_0001']);
  });

  it('lexical: BM25 matches a hand computation and ranks the matching business first', () => {
    // Docs (name + description + menu): b1 = [b1 tacos and more tacos taco] (6 tokens), b2 = [b2 fine dining mole taco] (5),
    // b3 = [b3 taco truck taco churro] (5); avg 16/3. Query "truck": df = 1, idf = ln(1 + 2.5/1.5).
    const idf = Math.log(1 + 2.5 / 1.5);
    const expected = (idf * 1 * 2.2) / (1 + 1.2 * (0.25 + (0.75 * 5) / (16 / 3)));
    const scores = bm25Scores(tiny, 'truck');
    expect(scores[0]).toBe(0);
    expect(scores[2]).toBeCloseTo(expected, 12);
    expect(searchBusinesses(tiny, { query: 'taco truck', algorithm: 'lexical' }, wantsTaco).businesses[0]).toBe('b3');
  });
});
