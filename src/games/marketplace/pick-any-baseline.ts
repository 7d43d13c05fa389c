// The randomized `pick_any` baselines of data/data_generation_scripts/baseline_utilities.py
// (microsoft/multi-agent-marketplace@db30873; spec 6.2), restated. One sample of welfare: every customer
// picks, uniformly at random, one business whose menu holds ALL its requested items, and buys the basket
// (one of each item) at menu prices: utility = (amenities met ? 2 Σ requested prices : 0) − basket price.
// Welfare = Σ over customers. The `with amenities` variant picks only among businesses that also offer
// every required amenity. Repeated R times; reported as median, quartiles, min, max and a bootstrap
// 95% confidence interval of the median.
import { Rng } from '../../core/rng.js';
import { basketPrice, hasAllAmenities, hasAllItems, requestedTotal, type Market } from './market-data.js';

export interface PickAnyOptions {
  /** Seed of the draws (the game passes one derived from its rng). @default 0 */
  seed?: number;
  /** Welfare samples R (the reference's 1000 repetitions). @default 1000 */
  repetitions?: number;
  /** Bootstrap resamples for the median's 95% interval (the reference's 10000). @default 10000 */
  bootstrapSamples?: number;
  /** Pick only among businesses that also offer every required amenity (`pick_any_with_amenities`). @default false */
  requireAmenities?: boolean;
}

/** Summary of a welfare distribution, named like the reference's `get_stats`. */
export interface DistributionStats {
  median: number;
  /** 2.5th / 97.5th percentiles of the bootstrapped medians. */
  median_ci_lower: number;
  median_ci_upper: number;
  /** 25th / 75th percentiles of the samples. */
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/**
 * The p-th percentile (0..100) of ascending `sorted`, interpolating linearly between neighbouring ranks
 * (numpy.percentile's default, which the reference uses).
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of an empty sample');
  const pos = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (pos - lo);
}

/** Median, quartiles, range and a bootstrap 95% interval of the median (resampling with replacement). */
export function distributionStats(samples: readonly number[], rng: Rng, bootstrapSamples = 10000): DistributionStats {
  const sorted = samples.slice().sort((a, b) => a - b);
  const n = sorted.length;
  // A resample's median depends only on how often each rank was drawn, so count ranks instead of sorting.
  const counts = new Int32Array(n);
  const medians: number[] = [];
  const rankAt = (k: number): number => {
    let seen = 0;
    for (let r = 0; r < n; r++) {
      seen += counts[r] as number;
      if (seen > k) return sorted[r] as number;
    }
    return sorted[n - 1] as number;
  };
  for (let b = 0; b < bootstrapSamples; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const r = rng.int(0, n - 1);
      counts[r] = (counts[r] as number) + 1;
    }
    medians.push(n % 2 === 1 ? rankAt((n - 1) / 2) : (rankAt(n / 2 - 1) + rankAt(n / 2)) / 2);
  }
  medians.sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    median_ci_lower: medians.length ? percentile(medians, 2.5) : percentile(sorted, 50),
    median_ci_upper: medians.length ? percentile(medians, 97.5) : percentile(sorted, 50),
    q1: percentile(sorted, 25),
    q3: percentile(sorted, 75),
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
  };
}

/** The welfare of each repetition (length R), in draw order. Customers with no qualifying business add 0. */
export function pickAnyWelfareSamples(market: Market, options: PickAnyOptions = {}): number[] {
  const rng = Rng.fromSeed(options.seed ?? 0, 'pick-any');
  // Each customer's possible utilities, one per qualifying business (ascending id, so draws are reproducible).
  const businesses = [...market.businesses].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const choices = market.customers.map((c) => {
    const value = 2 * requestedTotal(c);
    return businesses
      .filter((b) => hasAllItems(b, c) && (!options.requireAmenities || hasAllAmenities(b, c)))
      .map((b) => (hasAllAmenities(b, c) ? value : 0) - basketPrice(b, c));
  });
  const out: number[] = [];
  for (let r = 0; r < (options.repetitions ?? 1000); r++) {
    let welfare = 0;
    for (const utilities of choices) if (utilities.length) welfare += rng.pick(utilities);
    out.push(welfare);
  }
  return out;
}

/** `pick_any_baseline` (or `pick_any_with_amenities_baseline`) of `baseline_utilities.json`. */
export function pickAnyBaseline(market: Market, options: PickAnyOptions = {}): DistributionStats {
  const samples = pickAnyWelfareSamples(market, options);
  const rng = Rng.fromSeed(options.seed ?? 0, 'pick-any').derive('bootstrap');
  return distributionStats(samples, rng, options.bootstrapSamples ?? 10000);
}
