// The randomized pick_any baselines of data/data_generation_scripts/baseline_utilities.py
// (microsoft/multi-agent-marketplace@db30873; spec 6.2): a uniformly random business with all items per
// customer, R repetitions, median / quartiles (numpy.percentile, linear) and a bootstrap 95% CI of the median.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import {
  distributionStats,
  loadMarket,
  MARKETPLACE_DATA_DIR,
  MarketplaceGame,
  marketplaceBaselines,
  percentile,
  pickAnyBaseline,
  pickAnyWelfareSamples,
  type Market,
} from '../../../src/games/marketplace/index.js';

describe('percentile and distributionStats', () => {
  it('interpolate linearly between ranks like numpy.percentile', () => {
    // [1, 2, 3, 4]: p25 at rank 0.75 -> 1.75; p50 at 1.5 -> 2.5; p75 at 2.25 -> 3.25.
    expect(percentile([1, 2, 3, 4], 25)).toBeCloseTo(1.75, 12);
    expect(percentile([1, 2, 3, 4], 50)).toBeCloseTo(2.5, 12);
    expect(percentile([1, 2, 3, 4], 75)).toBeCloseTo(3.25, 12);
    expect(percentile([1, 2, 3, 4], 100)).toBe(4);
  });
  it('summarise a sample; a constant sample has a point interval', () => {
    const s = distributionStats([6, -3, 6, -3, 6], Rng.fromSeed(1), 200);
    // sorted [-3, -3, 6, 6, 6]: median rank 2 -> 6, q1 rank 1 -> -3, q3 rank 3 -> 6.
    expect(s).toMatchObject({ median: 6, q1: -3, q3: 6, min: -3, max: 6 });
    expect(s.median_ci_lower).toBeGreaterThanOrEqual(-3);
    expect(s.median_ci_upper).toBe(6);
    expect(distributionStats([4, 4, 4], Rng.fromSeed(1), 50)).toEqual({ median: 4, median_ci_lower: 4, median_ci_upper: 4, q1: 4, q3: 4, min: 4, max: 4 });
  });
  it('bootstraps the median exactly as resampling with replacement would, draw for draw', () => {
    const data = [5, -1, 3, 8, 2, 2];
    const sorted = data.slice().sort((a, b) => a - b);
    const rng = Rng.fromSeed(9);
    const medians: number[] = [];
    for (let b = 0; b < 400; b++) {
      // The same draws (ranks of the sorted sample), then a plain sort.
      const resample = sorted.map(() => sorted[rng.int(0, sorted.length - 1)] as number).sort((x, y) => x - y);
      medians.push(percentile(resample, 50));
    }
    medians.sort((a, b) => a - b);
    const s = distributionStats(data, Rng.fromSeed(9), 400);
    expect(s.median_ci_lower).toBe(percentile(medians, 2.5));
    expect(s.median_ci_upper).toBe(percentile(medians, 97.5));
    expect(s.median).toBe(2.5); // sorted [-1, 2, 2, 3, 5, 8]: (2 + 3) / 2
  });
});

// One customer valuing a taco at 5 (so 10 when served) who needs Wifi; b1 lacks Wifi, b2 has it.
const tiny: Market = {
  name: 'tiny',
  customers: [{ id: 'c', name: 'C', request: '', menu_features: { Taco: 5 }, amenity_features: ['Free Wifi'] }],
  businesses: [
    { id: 'b1', name: 'B1', description: '', rating: 1, menu_features: { Taco: 3 }, amenity_features: { 'Free Wifi': false }, min_price_factor: 1 },
    { id: 'b2', name: 'B2', description: '', rating: 1, menu_features: { Taco: 4 }, amenity_features: { 'Free Wifi': true }, min_price_factor: 1 },
    { id: 'b3', name: 'B3', description: '', rating: 1, menu_features: { Burrito: 1 }, amenity_features: { 'Free Wifi': true }, min_price_factor: 1 },
  ],
};

describe('pick_any on a hand-built market', () => {
  // Two equally likely outcomes: b1 -> 0 − 3 = −3 (no Wifi), b2 -> 10 − 4 = 6. b3 has no taco, never picked.
  const samples = pickAnyWelfareSamples(tiny, { seed: 3, repetitions: 1000 });
  it('draws only the two outcomes, about half each', () => {
    expect(new Set(samples)).toEqual(new Set([-3, 6]));
    const share = samples.filter((w) => w === 6).length / samples.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
  });
  it('reports the two-point distribution: quartiles at the outcomes, the median by the majority', () => {
    const low = samples.filter((w) => w === -3).length;
    const stats = pickAnyBaseline(tiny, { seed: 3, repetitions: 1000, bootstrapSamples: 500 });
    // With between 25% and 75% of each outcome, rank 249.75 is −3 and rank 749.25 is 6.
    expect(stats).toMatchObject({ q1: -3, q3: 6, min: -3, max: 6 });
    expect(stats.median).toBe(low > 500 ? -3 : low < 500 ? 6 : 1.5);
    expect(stats.median_ci_lower).toBeLessThanOrEqual(stats.median);
    expect(stats.median_ci_upper).toBeGreaterThanOrEqual(stats.median);
  });
  it('picks only b2 when amenities are required, so every statistic is 6', () => {
    expect(pickAnyBaseline(tiny, { seed: 3, repetitions: 50, bootstrapSamples: 50, requireAmenities: true })).toEqual({
      median: 6, median_ci_lower: 6, median_ci_upper: 6, q1: 6, q3: 6, min: 6, max: 6,
    });
  });
  it('is the same for the same seed and differs across seeds', () => {
    expect(pickAnyWelfareSamples(tiny, { seed: 3, repetitions: 1000 })).toEqual(samples);
    expect(pickAnyWelfareSamples(tiny, { seed: 4, repetitions: 1000 })).not.toEqual(samples);
    expect(pickAnyBaseline(tiny, { seed: 3, repetitions: 200, bootstrapSamples: 300 })).toEqual(pickAnyBaseline(tiny, { seed: 3, repetitions: 200, bootstrapSamples: 300 }));
  });
});

describe('pick_any on mexican_3_9', () => {
  const market = loadMarket('mexican_3_9');
  const b = marketplaceBaselines(market, { seed: 11, repetitions: 1000, bootstrapSamples: 2000 });
  type Raw = { menu_features: Record<string, number>; amenity_features: string[] | Record<string, boolean> };
  const read = (dir: string): Raw[] => readdirSync(dir).sort().map((f) => parse(readFileSync(join(dir, f), 'utf8')) as Raw);
  const dir = join(MARKETPLACE_DATA_DIR, 'mexican_3_9');

  it('lies between 0 and the cheapest (here = optimal) baseline, with ordered quartiles and CI', () => {
    const any = b.pick_any_baseline;
    expect(any.median).toBeGreaterThan(0);
    expect(any.median).toBeLessThan(b.pick_cheapest_baseline);
    expect(any.max).toBeLessThanOrEqual(b.pick_optimal_baseline + 1e-9);
    expect(any.q1).toBeLessThanOrEqual(any.median);
    expect(any.median).toBeLessThanOrEqual(any.q3);
    expect(any.median_ci_lower).toBeLessThanOrEqual(any.median);
    expect(any.median).toBeLessThanOrEqual(any.median_ci_upper);
    // Picking among amenity-satisfying businesses only can never lose the value: above the amenity-blind median.
    expect(b.pick_any_with_amenities_baseline.min).toBeGreaterThan(any.median);
  });
  it('has the mean of an independent recomputation of each customer’s uniform choice', () => {
    const businesses = read(join(dir, 'businesses'));
    let expected = 0;
    for (const c of read(join(dir, 'customers'))) {
      const items = Object.keys(c.menu_features);
      const value = 2 * items.reduce((s, i) => s + (c.menu_features[i] as number), 0);
      const utilities = businesses
        .filter((x) => items.every((i) => x.menu_features[i] !== undefined))
        .map((x) => {
          const cost = items.reduce((s, i) => s + (x.menu_features[i] as number), 0);
          const ok = (c.amenity_features as string[]).every((a) => (x.amenity_features as Record<string, boolean>)[a]);
          return (ok ? value : 0) - cost;
        });
      expected += utilities.reduce((s, u) => s + u, 0) / utilities.length;
    }
    const samples = pickAnyWelfareSamples(market, { seed: 11, repetitions: 4000 });
    const mean = samples.reduce((s, w) => s + w, 0) / samples.length;
    // Welfare spans about 136 dollars; the standard error of a 4000-draw mean is well under 1.5.
    expect(Math.abs(mean - expected)).toBeLessThan(3);
  });
});

describe('pick_any in the game metrics', () => {
  const market = loadMarket('mexican_3_9');
  const opts = { market, baselineRepetitions: 300, baselineBootstrapSamples: 300 };
  it('uses a seed derived from the run rng: equal per seed, and equal to the baselines function', () => {
    const game = new MarketplaceGame(opts);
    const s1 = game.init(Rng.fromSeed(5).derive('game'));
    const m1 = game.metrics(s1);
    expect(new MarketplaceGame(opts).metrics(new MarketplaceGame(opts).init(Rng.fromSeed(5).derive('game')))).toEqual(m1);
    const any = marketplaceBaselines(market, { seed: s1.baselineSeed, repetitions: 300, bootstrapSamples: 300 }).pick_any_baseline;
    expect(m1).toMatchObject({
      any_baseline_welfare_median: any.median,
      any_baseline_welfare_q1: any.q1,
      any_baseline_welfare_q3: any.q3,
      any_baseline_welfare_ci_low: any.median_ci_lower,
      any_baseline_welfare_ci_high: any.median_ci_upper,
    });
    expect(game.init(Rng.fromSeed(6).derive('game')).baselineSeed).not.toBe(s1.baselineSeed);
  });
});
