import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import {
  bestResponseLabor,
  createEconomist,
  economistParamsSchema,
  rationalWorker,
  saezPlanner,
  usFederalPlanner,
  type EconomistAction,
  type EconomistGame,
  type EconomistState,
} from '../../../src/games/economist/index.js';
import type { Strategy } from '../../../src/games/definition.js';

const economy = (params: Record<string, unknown>, workers: number, planner = true): EconomistGame =>
  createEconomist(economistParamsSchema.parse(params), [...(planner ? ['planner'] : []), ...Array.from({ length: workers }, (_, i) => `w${i}`)]);

function play(game: EconomistGame, seed: number, worker: Strategy, planner?: Strategy): { state: EconomistState; labels: string[] } {
  const rng = Rng.fromSeed(seed);
  let state = game.init(rng.derive('game'));
  const labels: string[] = [];
  for (let phase = game.phase(state); phase; phase = game.phase(state)) {
    labels.push(phase.label ?? '');
    const actions = new Map<string, EconomistAction>();
    for (const a of phase.agents) actions.set(a, ((a === game.planner ? planner : worker) as Strategy).decide(game.observe(state, a), rng.derive(`${a}:${state.step}`)) as EconomistAction);
    state = game.apply(state, actions, rng.derive(`apply:${state.step}:${phase.label}`)).state;
  }
  return { state, labels };
}

const COST = { c: 0.0005, delta: 3.5 };

describe('the rational worker', () => {
  // Without tax, v·l − 0.0005·l^3.5 peaks at l* = (v/0.00175)^0.4: 31.8 h for v = 10, 79.9 h for v = 100.
  // On the grid: v = 10: u(30) = 300 − 73.94 = 226.06 > u(40) = 400 − 202.39; v = 100: u(80) = 8000 − 2289.7 beats
  // u(70) = 7000 − 1434.9 and u(90) = 9000 − 3457.95. A flat 50 % tax halves v: l* = 60.6 → 60.
  it.each([
    [10, [0], 30],
    [100, [0], 80],
    [100, [50], 60],
    [100, [100], 0],
  ])('skill %s under flat rates %j works %s hours', (skill, rates, hours) => {
    expect(bestResponseLabor(skill, rates, [0, 1e7], 0, COST)).toBe(hours);
  });
});

describe('the economy', () => {
  it('runs the two timescales: a planner step opens each tax year after the first', () => {
    const game = economy({ steps: 12, plannerPeriod: 5, brackets: 'three' }, 3);
    const { labels, state } = play(game, 1, rationalWorker(), saezPlanner());
    expect(labels.join(' ')).toBe('labor labor labor labor labor plan labor labor labor labor labor plan labor labor');
    expect(state.plannerUpdates).toBe(2);
    expect(state.years.map((y) => y.step)).toEqual([0, 5]);
  });

  it('computes incomes, taxes, the rebate and utilities for a hand-checked step', () => {
    const game = economy({ steps: 1, brackets: 'three', skills: [100, 1000, 3000], initialRates: [10, 20, 30] }, 3);
    const s0 = game.init(Rng.fromSeed(1));
    const labor = new Map<string, EconomistAction>(['w0', 'w1', 'w2'].map((w) => [w, { LABOR: 40 }]));
    const s1 = game.apply(s0, labor, Rng.fromSeed(1)).state;
    expect(s1.income).toEqual([4_000, 40_000, 120_000]);
    expect(s1.tax.map((t) => Math.round(t * 100) / 100)).toEqual([400, 4_000, 15_000]);
    expect(s1.rebate).toBeCloseTo(19_400 / 3, 9);
    expect(s1.utility[0]).toBeCloseTo(4_000 - 400 + 19_400 / 3 - 0.0005 * 40 ** 3.5, 9);
    expect(game.metrics(s1).tax_revenue).toBeCloseTo(19_400, 6);
  });

  it('shows the planner the bracket histogram, its best rates and the last year', () => {
    const game = economy({ steps: 20, plannerPeriod: 5, brackets: 'us-fed' }, 20);
    const rng = Rng.fromSeed(2);
    let state = game.init(rng);
    const worker = rationalWorker();
    while (state.stage !== 'plan') {
      const actions = new Map(game.workers.map((w) => [w, worker.decide(game.observe(state, w), rng) as EconomistAction]));
      state = game.apply(state, actions, rng).state;
    }
    const obs = game.observe(state, 'planner');
    if (obs.kind !== 'plan') throw new Error('expected the planner observation');
    expect(obs.incomeHistogram.reduce((a, b) => a + b, 0)).toBe(20);
    expect(obs.incomeHistogram).toHaveLength(7);
    expect(obs.utilityHistogram.counts.reduce((a, b) => a + b, 0)).toBe(20);
    expect(obs.best?.rates).toEqual([50, 50, 50, 50, 50, 50, 50]);
    expect(obs.yearSwf).toBeCloseTo(state.history.slice(-5).reduce((s, h) => s + h.swf, 0) / 5, 6);
    const next = game.apply(state, new Map([['planner', usFederalPlanner.decide(obs, rng)]]), rng).state;
    expect(next.rates).toEqual([10, 12, 22, 24, 32, 35, 37]);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const game = economy({ steps: 30, plannerPeriod: 10, skills: 'us-income' }, 50);
    const a = play(game, 7, rationalWorker(), saezPlanner()).state;
    expect(play(game, 7, rationalWorker(), saezPlanner()).state).toEqual(a);
    expect(play(game, 8, rationalWorker(), saezPlanner()).state.skills).not.toEqual(a.skills);
  });
});

describe('protocol violations', () => {
  const game = economy({ steps: 10, plannerPeriod: 5, brackets: 'three' }, 2);
  const s0 = game.init(Rng.fromSeed(1));
  it('labor off the grid is illegal; beyond the range it is clipped', () => {
    expect(game.legality(s0, 'w0', { LABOR: 35 })).toMatch(/LABOR 35 is off the grid/);
    expect(game.legality(s0, 'w0', { LABOR: 150 })).toBeUndefined();
    const s1 = game.apply(s0, new Map<string, EconomistAction>([['w0', { LABOR: 150 }], ['w1', { LABOR: 35 }]]), Rng.fromSeed(1)).state;
    expect(s1.labor).toEqual([100, 40]); // w1 got the default (40 h at the start)
    expect(s1.violations).toEqual([{ agent: 'w1', step: 0, reason: expect.stringMatching(/off the grid/) }]);
    expect(game.metrics(s1).violations).toBe(1);
  });
  it('a DELTA of the wrong length is illegal and leaves the rates unchanged', () => {
    const atPlan = { ...s0, step: 5, stage: 'plan' as const };
    expect(game.legality(atPlan, 'planner', { DELTA: [10, 10] })).toMatch(/DELTA has 2 entries; expected 3/);
    expect(game.legality(atPlan, 'planner', { RATES: [10, 10, 120] })).toMatch(/RATES\[2\] = 120 is outside/);
    const next = game.apply(atPlan, new Map([['planner', { DELTA: [10, 10] }]]), Rng.fromSeed(1)).state;
    expect(next.rates).toEqual([50, 50, 50]);
    expect(next.violations).toHaveLength(1);
  });
});

describe('the democratic variant', () => {
  const game = economy({ mode: 'democratic', steps: 10, plannerPeriod: 5, brackets: 'three' }, 4, false);
  const s0: EconomistState = { ...game.init(Rng.fromSeed(1)), step: 5, stage: 'candidacy', income: [1_000, 2_000, 100_000, 0] };
  const run = (d: number[]) => ({ run: true, DELTA: d });
  const afterCandidacy = game.apply(
    s0,
    new Map<string, EconomistAction>([['w0', run([10, 10, 10])], ['w1', run([-10, -10, -10])], ['w2', { run: false }], ['w3', { run: false }]]),
    Rng.fromSeed(1),
  ).state;

  it('collects platforms and rejects votes for non-candidates', () => {
    expect(afterCandidacy.stage).toBe('vote');
    expect(game.legality(afterCandidacy, 'w2', { vote: 'w3' })).toMatch(/"w3" is not a candidate; vote for one of w0, w1/);
    expect(game.legality(s0, 'w0', { run: true })).toMatch(/must give a platform/);
  });

  it('shows voters each platform with the revenue its rates would raise at last step\'s incomes', () => {
    // w0: rates 60/60/60 → 0.6·(1,000 + 2,000) + 0.6·90,000 + 0.6·10,000; w1: rates 40/40/40 → 0.4·103,000.
    const obs = game.observe(afterCandidacy, 'w2');
    if (obs.kind !== 'vote') throw new Error('expected a vote observation');
    expect(obs.candidates).toEqual([
      { id: 'w0', platform: [10, 10, 10], estimatedRevenue: expect.closeTo(0.6 * 103_000, 6) },
      { id: 'w1', platform: [-10, -10, -10], estimatedRevenue: expect.closeTo(0.4 * 103_000, 6) },
    ]);
    expect(obs).not.toHaveProperty('incomes');
  });

  it('elects the plurality winner and applies its platform', () => {
    const votes = new Map<string, EconomistAction>([['w0', { vote: 'w1' }], ['w1', { vote: 'w1' }], ['w2', { vote: 'w0' }], ['w3', { vote: 'w1' }]]);
    const s = game.apply(afterCandidacy, votes, Rng.fromSeed(1)).state;
    expect(s.leader).toBe('w1');
    expect(s.rates).toEqual([40, 40, 40]);
  });

  it('breaks ties uniformly at random, the same way for the same rng', () => {
    const tie = new Map<string, EconomistAction>([['w0', { vote: 'w0' }], ['w1', { vote: 'w1' }], ['w2', { vote: 'w0' }], ['w3', { vote: 'w1' }]]);
    const leaders = Array.from({ length: 40 }, (_, seed) => game.apply(afterCandidacy, tie, Rng.fromSeed(seed)).state.leader);
    expect(Array.from({ length: 40 }, (_, seed) => game.apply(afterCandidacy, tie, Rng.fromSeed(seed)).state.leader)).toEqual(leaders);
    expect(new Set(leaders)).toEqual(new Set(['w0', 'w1']));
  });

  it('runs end to end with scripted citizens', () => {
    const { state, labels } = play(game, 3, rationalWorker(0.5));
    expect(labels.filter((l) => l === 'candidacy')).toHaveLength(1);
    expect(state.elections).toHaveLength(1);
  });
});
