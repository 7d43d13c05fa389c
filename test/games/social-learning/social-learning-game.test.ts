// The protocol of the steered social-learning game: who sees what, the planner step and its constraints,
// the metrics against hand-computed episodes, and the scripted planners' choices.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { Rng } from '../../../src/core/rng.js';
import type { Strategy } from '../../../src/games/definition.js';
import {
  altruisticPlanner, bayesianLearner, bestPrecision, biasedPlanner, createSocialLearningGame, firstCascade, fixedPlanner, followSignal, herdLearner,
  signalInformation, socialLearningMetrics, socialLearningParamsSchema, type EpisodeResult, type LearnerObservation, type PlannerObservation,
} from '../../../src/games/social-learning/index.js';
import { meanOf, playSeeds } from './play-episodes.js';

const learnerIds = (n: number) => Array.from({ length: n }, (_, i) => `learner-${i + 1}`);

describe('social-learning protocol', () => {
  it('runs planner step, then learners one at a time, each seeing only its own signal and earlier actions', () => {
    const game = createSocialLearningGame({ learners: 3 }, ['planner', ...learnerIds(3)]);
    let state = game.init(Rng.fromSeed(3));
    expect(game.phase(state)).toMatchObject({ kind: 'planner-step', agents: ['planner'], label: 'plan' });
    const plan = game.observe(state, 'planner') as PlannerObservation;
    expect(plan).toMatchObject({ kind: 'plan', first: 1, count: 3, minPrecision: 0.5, maxPrecision: 0.9, history: [] });
    expect(JSON.stringify(plan)).not.toMatch(/truth|signal|draw/);
    state = game.apply(state, new Map([['planner', { precision: 0.8 }]]), Rng.fromSeed(0)).state;
    expect(state.precisions).toEqual([0.8, 0.8, 0.8]);
    for (const [t, choice] of (['A', 'B', 'B'] as const).entries()) {
      const agent = `learner-${t + 1}`;
      expect(game.phase(state)).toMatchObject({ kind: 'sequential', agents: [agent], label: 'act' });
      const o = game.observe(state, agent) as LearnerObservation;
      expect(o.signal).toBe(state.signals[t]);
      expect(o.history.map((h) => h.choice)).toEqual(state.actions);
      expect(Object.keys(o).sort()).toEqual(['episode', 'episodes', 'history', 'kind', 'learners', 'name', 'position', 'precision', 'prior', 'signal', 'tieRule']);
      state = game.apply(state, new Map([[agent, { choice }]]), Rng.fromSeed(0)).state;
    }
    expect(game.phase(state)).toBeNull();
    expect(state.results[0]?.actions).toEqual(['A', 'B', 'B']);
    const truth = state.results[0]!.truth;
    const correct = ['A', 'B', 'B'].filter((a) => a === truth).length;
    expect(game.payoffs(state).planner).toBeCloseTo(correct - 3 * 0.5 * signalInformation(0.8), 12);
    expect(game.payoffs(state)['learner-2']).toBe(truth === 'B' ? 1 : 0);
  });

  it('computes the metrics of hand-made episodes (p = 0.7, κ = 0.5)', () => {
    const params = socialLearningParamsSchema.parse({ learners: 4, costPerBit: 0.5 });
    const episode = (truth: 'A' | 'B', actions: Array<'A' | 'B'>): EpisodeResult => {
      const precisions = [0.7, 0.7, 0.7, 0.7];
      return { truth, actions, precisions, signals: actions, cascade: firstCascade(params, actions, precisions), cost: 4 * 0.5 * signalInformation(0.7) };
    };
    // Episode 1: A, A → learner 3 herds on A (correct). Episode 2: A, B cancel, B, A: no cascade.
    const m = socialLearningMetrics(params, [episode('A', ['A', 'A', 'A', 'A']), episode('B', ['A', 'B', 'B', 'A'])]);
    // I(0.7) = 1 − H₂(0.7) = 1 − 0.881291 = 0.118709 bits; cost = 4 · 0.5 · 0.118709 = 0.237418.
    expect(signalInformation(0.7)).toBeCloseTo(0.118709, 6);
    expect(m).toMatchObject({ episodes: 2, 'correct-cascade': 0.5, 'wrong-cascade': 0, 'no-cascade': 0.5, 'cascade-start': 3, 'cascade-adherence': 1 });
    expect(m['correct-action-rate']).toBeCloseTo((1 + 0.5) / 2, 12);
    expect(m['preferred-action-rate']).toBeCloseTo((1 + 0.5) / 2, 12);
    expect(m['planner-cost']).toBeCloseTo(0.237418, 6);
    expect(m['altruistic-objective']).toBeCloseTo((4 + 2) / 2 - 0.237418, 6);
    expect(m['biased-objective']).toBeCloseTo((4 + 2) / 2 - 0.237418, 6);
  });

  it("dates cascades by the spec's |#A − #B| ≥ 2 rule for Bayesian learners with equal precisions", () => {
    const { states } = playSeeds({ learners: 9, planner: 'none', precision: 0.75 }, () => bayesianLearner as Strategy, 300);
    for (const s of states) {
      const r = s.results[0]!;
      const lead = (k: number) => r.actions.slice(0, k).reduce((d, a) => d + (a === 'A' ? 1 : -1), 0);
      const start = r.actions.findIndex((_, t) => Math.abs(lead(t)) >= 2);
      expect(r.cascade?.start ?? -1).toBe(start < 0 ? -1 : start + 1);
      if (r.cascade) expect(r.cascade.direction).toBe(lead(start) > 0 ? 'A' : 'B');
    }
  });

  it('measures behaviour, not assumptions: followers of their own signals break cascades, herders never do', () => {
    const follow = playSeeds({ learners: 8, planner: 'none' }, () => followSignal as Strategy, 400).metrics;
    const herd = playSeeds({ learners: 8, planner: 'none' }, () => herdLearner as Strategy, 400).metrics;
    expect(meanOf(follow, 'cascade-adherence')).toBeLessThan(0.9);
    expect(meanOf(herd, 'cascade-adherence')).toBe(1);
    // Signals alone are right 70% of the time.
    expect(Math.abs(meanOf(follow, 'correct-action-rate') - 0.7)).toBeLessThan(0.03);
  });

  it('enforces the transparency constraints in the planner schema and in what learners are told', () => {
    const ids = ['planner', ...learnerIds(4)];
    const truthful = createSocialLearningGame({ learners: 4 }, ids);
    const s0 = truthful.init(Rng.fromSeed(1));
    expect(truthful.actionSchema(s0, 'planner').safeParse({ precision: 0.4 }).success).toBe(false);
    expect(truthful.actionSchema(s0, 'planner').safeParse({ precisions: [0.6, 0.7, 0.8, 0.9] }).success).toBe(false);
    const free = createSocialLearningGame({ learners: 4, truthful: false, parity: false, plannerPeriod: 2 }, ids);
    const f0 = free.init(Rng.fromSeed(1));
    expect(free.actionSchema(f0, 'planner').safeParse({ precisions: [0.2, 0.9] }).success).toBe(true);
    expect(free.actionSchema(f0, 'planner').safeParse({ precisions: [0.2, 0.9, 0.9] }).success).toBe(false);
    const f1 = free.apply(f0, new Map([['planner', { precisions: [0.2, 0.9] }]]), Rng.fromSeed(0)).state;
    expect(f1.precisions).toEqual([0.2, 0.9]);
    expect(free.phase(f1)).toMatchObject({ kind: 'sequential', agents: ['learner-1'] });
    const hidden = createSocialLearningGame({ learners: 4, disclosed: false, precision: 0.6 }, ids);
    const h1 = hidden.apply(hidden.init(Rng.fromSeed(1)), new Map([['planner', { precision: 0.9 }]]), Rng.fromSeed(0)).state;
    expect((hidden.observe(h1, 'learner-1') as LearnerObservation).precision).toBe(0.6);
    expect((truthful.observe(truthful.apply(s0, new Map([['planner', { precision: 0.9 }]]), Rng.fromSeed(0)).state, 'learner-1') as LearnerObservation).precision).toBe(0.9);
  });

  it('rejects bad params and seatings with the config path', () => {
    const pathOf = (input: unknown, agents = ['planner', ...learnerIds(8)]) => {
      try {
        createSocialLearningGame(input as never, agents);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).issues[0]?.path;
      }
      return undefined;
    };
    expect(pathOf({ precision: 0.95 })).toBe('params.precision');
    expect(pathOf({ maxPrecision: 1 })).toBe('params.maxPrecision');
    expect(pathOf({}, learnerIds(8))).toBe('agents');
    expect(pathOf({ planner: 'none' }, learnerIds(8))).toBeUndefined();
  });
});

describe('scripted planners', () => {
  const observation = (over: Partial<PlannerObservation> = {}): PlannerObservation => ({
    kind: 'plan', name: 'planner', episode: 1, episodes: 1, first: 1, count: 8, learners: 8, prior: 0.5, announcedPrecision: 0.7,
    minPrecision: 0.5, maxPrecision: 0.9, parity: true, disclosed: true, costPerBit: 0.5, objective: 'altruistic', preferredAction: 'A',
    tieRule: 'coin-flip', history: [], precisions: [], ...over,
  });

  it('the altruistic planner buys all it can when information is free, less and less as it gets dearer', () => {
    expect(bestPrecision(observation({ costPerBit: 0 }), { objective: 'altruistic' })).toBe(0.9);
    const mid = bestPrecision(observation({ costPerBit: 2 }), { objective: 'altruistic' });
    const dear = bestPrecision(observation({ costPerBit: 20 }), { objective: 'altruistic' });
    expect(mid).toBeGreaterThan(0.5);
    expect(mid).toBeLessThan(0.9);
    // The bit cost is quadratic near q = 1/2 while the value of information is linear, so even a dear
    // planner buys a sliver of precision; it never buys nothing unless signals are useless (next test).
    expect(dear).toBeLessThan(mid);
    expect(dear).toBeLessThanOrEqual(0.52);
  });

  it('once a cascade cannot be broken, the altruistic planner stops paying; if it can be, it buys a breaking signal', () => {
    // After A, A (coin-flip rule) the public belief is ln(0.7·1.7 / (0.3·1.3)) = 1.1156; a signal breaks it
    // only if ln(q/(1−q)) > 1.1156, i.e. q > 0.7532.
    const after = { first: 3, count: 1, history: ['A', 'A'] as Array<'A' | 'B'>, precisions: [0.7, 0.7] };
    expect(bestPrecision(observation({ ...after, maxPrecision: 0.75, costPerBit: 0.1 }), { objective: 'altruistic' })).toBe(0.5);
    expect(bestPrecision(observation({ ...after, maxPrecision: 0.9, costPerBit: 0.1 }), { objective: 'altruistic' })).toBeGreaterThan(0.7532);
  });

  it('a biased planner obfuscates when the prior already favours its action, and informs when it does not', () => {
    expect(bestPrecision(observation({ prior: 0.7, costPerBit: 0 }), { objective: 'biased', preferredAction: 'A' })).toBe(0.5);
    expect(bestPrecision(observation({ prior: 0.7, costPerBit: 0 }), { objective: 'biased', preferredAction: 'B' })).toBeGreaterThan(0.5);
  });

  it('play through the game: the biased planner earns more preferred actions, the altruistic one more correct ones', () => {
    const run = (planner: Strategy) => playSeeds(
      { learners: 8, prior: 0.7, costPerBit: 0.2, preferredAction: 'A' },
      (a) => (a === 'planner' ? planner : bayesianLearner) as Strategy,
      300,
    ).metrics;
    const biased = run(biasedPlanner as Strategy);
    const altruistic = run(altruisticPlanner as Strategy);
    const fixed = run(fixedPlanner as Strategy);
    expect(meanOf(biased, 'mean-precision')).toBe(0.5);
    expect(meanOf(biased, 'preferred-action-rate')).toBeGreaterThan(meanOf(altruistic, 'preferred-action-rate'));
    expect(meanOf(altruistic, 'correct-action-rate')).toBeGreaterThan(meanOf(biased, 'correct-action-rate'));
    expect(meanOf(fixed, 'mean-precision')).toBeCloseTo(0.7, 12);
  });
});
