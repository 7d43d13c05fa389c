import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { fermi, normLimit, rationHarvests, regrow, socialLearningStep, sustainableHarvest } from '../../../src/games/commons/index.js';

const doubling = { capacity: 100, regrowth: 'doubling' as const, growthRate: 1 };
const logistic = { capacity: 100, regrowth: 'logistic' as const, growthRate: 1 };

describe('regrowth (spec §5; GovSim doubling)', () => {
  it.each([
    { p: doubling, stock: 100, harvest: 30, expected: 100 }, // 2·70 = 140, capped at K
    { p: doubling, stock: 60, harvest: 40, expected: 40 },
    { p: logistic, stock: 50, harvest: 10, expected: 65 }, // 50 − 10 + 1·50·(1 − 0.5)
    { p: logistic, stock: 80, harvest: 0, expected: 96 }, // 80 + 80·0.2
    { p: { ...logistic, growthRate: 0.5 }, stock: 40, harvest: 20, expected: 32 }, // 40 − 20 + 0.5·40·0.6
    { p: logistic, stock: 100, harvest: 0, expected: 100 },
    { p: logistic, stock: 10, harvest: 20, expected: 0 }, // −10 + 9 = −1, clamped to 0
  ])('$p.regrowth: S=$stock, H=$harvest -> $expected', ({ p, stock, harvest, expected }) => {
    expect(regrow(stock, harvest, p)).toBeCloseTo(expected, 12);
  });

  it('the sustainable harvest keeps the stock level', () => {
    for (const p of [doubling, logistic]) {
      for (const stock of [20, 50, 80]) expect(regrow(stock, sustainableHarvest(stock, p), p)).toBeCloseTo(stock, 9);
    }
    expect(normLimit(100, { ...doubling, norm: 'sustainable-share', agents: 5 })).toBe(10);
    expect(normLimit(100, { ...doubling, norm: 7, agents: 5 })).toBe(7);
  });
});

describe('rationing', () => {
  it('grants requests that fit, shares the stock in proportion otherwise', () => {
    expect(rationHarvests([5, 5], 20)).toEqual([5, 5]);
    expect(rationHarvests([10, 30], 20)).toEqual([5, 15]);
    expect(rationHarvests([0, 0], 0)).toEqual([0, 0]);
  });
});

describe('Fermi imitation rule', () => {
  it.each([
    { own: 0, peer: 0, beta: 1, expected: 0.5 },
    { own: 1, peer: 3, beta: 1, expected: 1 / (1 + Math.exp(-2)) }, // 0.880797
    { own: 3, peer: 1, beta: 1, expected: 1 / (1 + Math.exp(2)) }, // 0.119203
    { own: 0, peer: 10, beta: 0, expected: 0.5 },
    { own: 0, peer: 1, beta: 2, expected: 1 / (1 + Math.exp(-2)) },
  ])('p(own $own, peer $peer, β $beta) = $expected', ({ own, peer, beta, expected }) => {
    expect(fermi(own, peer, beta)).toBeCloseTo(expected, 12);
  });

  it('copies with the Fermi frequency (2 agents, payoff gap 1, β = 1: 0.7311 and 0.2689)', () => {
    const rng = Rng.fromSeed(42);
    let lowCopies = 0;
    let highCopies = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const [low, high] = socialLearningStep(['L', 'H'], [0, 1], 1, rng);
      if (low === 'H') lowCopies++;
      if (high === 'L') highCopies++;
    }
    expect(lowCopies / trials).toBeCloseTo(fermi(0, 1, 1), 1);
    expect(highCopies / trials).toBeCloseTo(fermi(1, 0, 1), 1);
    expect(Math.abs(lowCopies / trials - 0.7311)).toBeLessThan(0.03);
  });

  it('never picks itself as the peer and updates synchronously', () => {
    const next = socialLearningStep(['A', 'B', 'C'], [0, 100, 200], 50, Rng.fromSeed(3));
    // With β = 50 the poorer agents copy whoever they drew if richer; C (the richest) keeps its own.
    expect(next[2]).toBe('C');
    expect(next[0]).not.toBe('A');
  });
});
