// The BHW (1992) closed form, checked three ways: by hand for small n, against the exact dynamic programme
// over public beliefs, and against thousands of simulated runs of the game with Bayesian scripted learners.
import { describe, expect, it } from 'vitest';
import {
  bayesianLearner, cascadeProbabilities, cascadeStartProbability, episodeCascadeProbabilities, expectedDynamics, pairTransition, priorBelief,
} from '../../../src/games/social-learning/index.js';
import { meanOf, playSeeds } from './play-episodes.js';

describe('closed-form cascade probabilities (Bikhchandani, Hirshleifer & Welch, JPE 1992)', () => {
  // Hand computations for p = 0.7. Coin-flip tie rule, one pair from a neutral belief:
  //   up = 0.7·1.7/2 = 0.595, down = 0.3·1.3/2 = 0.195, stay = 0.7 − 0.49 = 0.21.
  // Own-signal tie rule: up = 0.49, down = 0.09, stay = 0.42.
  it.each([
    // [tie rule, actions observed, correct, wrong, none]
    ['coin-flip', 0, 0, 0, 1],
    ['coin-flip', 1, 0, 0, 1],
    ['coin-flip', 2, 0.595, 0.195, 0.21],
    ['coin-flip', 3, 0.595, 0.195, 0.21],
    ['coin-flip', 4, 0.595 * 1.21, 0.195 * 1.21, 0.0441], // 0.71995, 0.23595
    ['own-signal', 2, 0.49, 0.09, 0.42],
    ['own-signal', 4, 0.49 * 1.42, 0.09 * 1.42, 0.1764], // 0.6958, 0.1278
  ] as const)('%s after %i actions: correct %d, wrong %d, none %d', (tie, k, correct, wrong, none) => {
    const p = cascadeProbabilities(0.7, k, tie);
    expect(p.correct).toBeCloseTo(correct, 12);
    expect(p.wrong).toBeCloseTo(wrong, 12);
    expect(p.none).toBeCloseTo(none, 12);
  });

  it("is BHW's formula P(up | V = 1) = p(p + 1)[1 − (p − p²)^{n/2}] / (2(1 − p + p²))", () => {
    for (const p of [0.55, 0.6, 0.8, 0.95]) {
      for (const n of [2, 6, 10]) {
        const bhw = (p * (p + 1) * (1 - (p - p * p) ** (n / 2))) / (2 * (1 - p + p * p));
        const bhwDown = ((p - 2) * (p - 1) * (1 - (p - p * p) ** (n / 2))) / (2 * (1 - p + p * p));
        expect(cascadeProbabilities(p, n).correct).toBeCloseTo(bhw, 12);
        expect(cascadeProbabilities(p, n).wrong).toBeCloseTo(bhwDown, 12);
      }
    }
  });

  it('gives the first herding position: odd positions from 3, geometric in the pair-stay probability', () => {
    expect(cascadeStartProbability(0.7, 3)).toBeCloseTo(0.79, 12);
    expect(cascadeStartProbability(0.7, 4)).toBe(0);
    expect(cascadeStartProbability(0.7, 5)).toBeCloseTo(0.21 * 0.79, 12);
    expect(pairTransition(0.7, 'own-signal').stay).toBeCloseTo(0.42, 12);
    expect(() => cascadeProbabilities(0.5, 4)).toThrow(/\(1\/2, 1\)/);
    expect(episodeCascadeProbabilities(0.7, 5)).toEqual(cascadeProbabilities(0.7, 4));
  });

  it('agrees with the exact dynamic programme over public beliefs', () => {
    for (const tieRule of ['coin-flip', 'own-signal'] as const) {
      for (const [p, n] of [[0.6, 7], [0.7, 8], [0.85, 11]] as const) {
        const dp = expectedDynamics({ stateProbability: 0.5, belief: priorBelief(0.5), actual: Array(n).fill(p), tieRule });
        const closed = episodeCascadeProbabilities(p, n, tieRule);
        expect(dp.cascade.correct).toBeCloseTo(closed.correct, 10);
        expect(dp.cascade.wrong).toBeCloseTo(closed.wrong, 10);
        expect(dp.cascade.none).toBeCloseTo(closed.none, 10);
      }
    }
  });

  it.each(['coin-flip', 'own-signal'] as const)('matches 4000 simulated episodes of Bayesian learners (%s tie rule)', (tieRule) => {
    const seeds = 4000;
    const params = { learners: 6, precision: 0.65, planner: 'none' as const, tieRule };
    const { metrics } = playSeeds(params, () => bayesianLearner as never, seeds);
    const closed = episodeCascadeProbabilities(0.65, 6, tieRule);
    const exact = expectedDynamics({ stateProbability: 0.5, belief: 0, actual: Array(6).fill(0.65), tieRule });
    // Four standard errors of a frequency: a false alarm about once in 16 000 runs of this test.
    const within = (observed: number, p: number) => expect(Math.abs(observed - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / seeds) + 1e-9);
    within(meanOf(metrics, 'correct-cascade'), closed.correct);
    within(meanOf(metrics, 'wrong-cascade'), closed.wrong);
    within(meanOf(metrics, 'no-cascade'), closed.none);
    expect(Math.abs(meanOf(metrics, 'correct-action-rate') - exact.correct / 6)).toBeLessThan(0.02);
    // Where cascades start: positions 3 and 5 (6 learners), geometric weights.
    const starts = metrics.filter((m) => m['correct-cascade'] || m['wrong-cascade']).map((m) => m['cascade-start']);
    const p3 = cascadeStartProbability(0.65, 3, tieRule);
    within(starts.filter((s) => s === 3).length / seeds, p3);
    expect(starts.every((s) => s === 3 || s === 5)).toBe(true);
  });
});
