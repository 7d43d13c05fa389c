// Utility types of spec 1.1 (sethkarten/LLM-Economist@ca46185a worker.py `update_utility`, main.py, utils/common.py
// `distribute_agents`): egotistical u = ũ, altruistic u = SWF, adversarial u = −SWF, bounded u = r·ũ (r = 1 YES, 0.5 NO).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import {
  assignUtilityTypes,
  createEconomist,
  economistParamsSchema,
  rationalWorker,
  typedUtility,
  type EconomistAction,
  type EconomistState,
  type UtilityType,
} from '../../../src/games/economist/index.js';
import { runScripted } from '../../helpers/scripted-experiment.js';

// Hand table: flat bracket [0, 1e7] at 10 %, skills 10, 20, 40, 40, everyone works 40 h.
// c·l^δ = 0.0005·40^3.5 = 202.38577; z = 400, 800, 1600, 1600; tax = 40, 80, 160, 160; R = 440/4 = 110.
// ũ = z − tax + R − 202.38577 = 267.61423, 627.61423, 1347.61423, 1347.61423.
// SWF (inverse income) = 267.61423/400 + 627.61423/800 + 2·1347.61423/1600 = 0.66904 + 0.78452 + 1.68452 = 3.13807.
const ISO = [267.61423, 627.61423, 1347.61423, 1347.61423];
const SWF = 3.13807;

describe('utility of each type (hand table)', () => {
  it.each<[UtilityType, number, number, number]>([
    ['egotistical', ISO[0]!, SWF, 267.61423],
    ['altruistic', ISO[1]!, SWF, 3.13807],
    ['adversarial', ISO[2]!, SWF, -3.13807],
    ['bounded', ISO[3]!, SWF, 1347.61423],
  ])('%s with ũ = %s, SWF = %s, satisfied: %s', (type, iso, swf, u) => {
    expect(typedUtility(type, iso, swf, 1)).toBeCloseTo(u, 4);
  });
  it('a dissatisfied bounded worker halves its utility: 0.5 × 1347.61423 = 673.80711', () => {
    expect(typedUtility('bounded', ISO[3]!, SWF, 0.5)).toBeCloseTo(673.80711, 4);
  });
});

function step(types: UtilityType[], answers: Record<string, 'YES' | 'NO'>): { state: EconomistState; labels: string[] } {
  const game = createEconomist(economistParamsSchema.parse({ steps: 1, brackets: 'flat', initialRates: [10], skills: [10, 20, 40, 40], utility: types }), [
    'planner',
    'w0',
    'w1',
    'w2',
    'w3',
  ]);
  const rng = Rng.fromSeed(1);
  let state = game.init(rng);
  const labels: string[] = [];
  for (let phase = game.phase(state); phase; phase = game.phase(state)) {
    labels.push(phase.label ?? '');
    const actions = new Map<string, EconomistAction>(phase.agents.map((a) => [a, phase.label === 'labor' ? { LABOR: 40 } : { ANSWER: answers[a]! }]));
    state = game.apply(state, actions, rng).state;
  }
  return { state, labels };
}

describe('utility types in the economy', () => {
  it('one step of egotistical, altruistic, adversarial and bounded workers; the bounded one says NO', () => {
    const { state, labels } = step(['egotistical', 'altruistic', 'adversarial', 'bounded'], { w3: 'NO' });
    expect(labels).toEqual(['labor', 'satisfaction']);
    state.isoelasticUtility.forEach((u, i) => expect(u).toBeCloseTo(ISO[i]!, 4));
    const expected = [267.61423, 3.13807, -3.13807, 673.80711];
    state.utility.forEach((u, i) => expect(u).toBeCloseTo(expected[i]!, 4));
    state.cumulativeUtility.forEach((u, i) => expect(u).toBeCloseTo(expected[i]!, 4));
    expect(state.satisfaction).toEqual([1, 1, 1, 0.5]);
    expect(state.utilityWindow.at(-1)![3]).toBeCloseTo(673.80711, 4);
    // The planner's welfare stays on ũ whatever the types.
    expect(state.history[0]!.swf).toBeCloseTo(SWF, 4);
  });

  it('a satisfied bounded worker keeps ũ, and without bounded workers there is no satisfaction stage', () => {
    expect(step(['egotistical', 'egotistical', 'egotistical', 'bounded'], { w3: 'YES' }).state.utility[3]).toBeCloseTo(1347.61423, 4);
    expect(step(['egotistical', 'altruistic', 'adversarial', 'egotistical'], {}).labels).toEqual(['labor']);
  });

  it('only bounded workers answer; anyone else answering is a violation', () => {
    const game = createEconomist(economistParamsSchema.parse({ steps: 1, skills: [10, 20], utility: ['bounded', 'egotistical'] }), ['planner', 'w0', 'w1']);
    const s = game.apply(game.init(Rng.fromSeed(1)), new Map<string, EconomistAction>([['w0', { LABOR: 40 }], ['w1', { LABOR: 40 }]]), Rng.fromSeed(2)).state;
    expect(game.phase(s)?.agents).toEqual(['w0']);
    expect(game.legality(s, 'w1', { ANSWER: 'NO' })).toMatch(/only bounded workers/);
    // The rational worker is satisfied when it receives at least what it pays: w0 (z = 400) gets a rebate above its tax.
    expect(rationalWorker().decide(game.observe(s, 'w0'), Rng.fromSeed(1))).toEqual({ ANSWER: 'YES' });
  });
});

describe('a utility mix', () => {
  // distribute_agents: adversarial = round(15 % · 10) = round(1.5) = 2, altruistic = round(2.5) = 2 (Python rounds
  // halves to even), bounded = round(1.0) = 1, egotistical = 10 − 5 = 5.
  it('counts types as the reference (half to even) and shuffles them with the rng', () => {
    const types = assignUtilityTypes(10, { adversarial: 15, altruistic: 25, bounded: 10, egotistical: 50 }, Rng.fromSeed(3));
    const count = (t: string) => types.filter((x) => x === t).length;
    expect([count('adversarial'), count('altruistic'), count('bounded'), count('egotistical')]).toEqual([2, 2, 1, 5]);
    expect(assignUtilityTypes(10, { adversarial: 15, altruistic: 25, bounded: 10, egotistical: 50 }, Rng.fromSeed(3))).toEqual(types);
    const orders = new Set(Array.from({ length: 5 }, (_, s) => assignUtilityTypes(10, { altruistic: 50 }, Rng.fromSeed(s)).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('is validated: percentages must sum to 100, one type per worker when listed', () => {
    expect(() => economistParamsSchema.parse({ utility: { altruistic: 30, adversarial: 30 } })).toThrow(/sum to 100/);
    expect(() => economistParamsSchema.parse({ skills: [1, 2], utility: ['bounded'] })).toThrow(/one utility type per worker/);
  });

  it('is drawn inside the game from the params', () => {
    const game = createEconomist(economistParamsSchema.parse({ utility: { altruistic: 50, egotistical: 50 } }), ['planner', 'a', 'b', 'c', 'd']);
    expect(game.init(Rng.fromSeed(1)).utilityTypes.filter((t) => t === 'altruistic')).toHaveLength(2);
  });
});

describe('utility types through the engine', () => {
  it('each worker is told what it maximises, and only bounded workers are asked about satisfaction', async () => {
    const config = {
      game: 'llm-economist',
      params: { steps: 2, brackets: 'flat', skills: [10, 20, 30], utility: ['altruistic', 'adversarial', 'bounded'] },
      agents: [{ id: 'planner', policy: { strategy: 'hold-planner' } }, { id: 'worker', count: 3 }],
    };
    const { prompts, run } = await runScripted(config, (request) =>
      /satisfied with the overall tax policy/.test(request.messages.map((m) => m.content).join('\n')) ? { text: '{"ANSWER": "NO"}' } : { text: '{"LABOR": 40}' },
    );
    const [alt, adv, bounded] = ['worker-1', 'worker-2', 'worker-3'].map((id) => prompts.get(id)!);
    expect(alt![0]).toContain("Your goal is the economy's social welfare");
    expect(adv![0]).toContain("the negative of the economy's social welfare");
    expect(bounded![0]).toContain('multiplied by 1 if you are satisfied');
    expect(alt).toHaveLength(2);
    expect(bounded).toHaveLength(4);
    expect(bounded![1]).toMatch(/You worked 40 hours for a pre-tax income of \$1,200/);
    // Every answer was NO: nobody was satisfied, and the bounded worker earned half its ũ.
    expect(run.metrics.satisfied_share).toBe(0);
  });
});

describe('examples/markets/economist-bounded-mix.yaml', () => {
  it('runs offline through the engine and reports the mix and the satisfaction share', async () => {
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const config = parse(readFileSync(new URL('../../../examples/markets/economist-bounded-mix.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
    const { run } = await runScripted({ ...config, params: { ...(config.params as object), steps: 2 } }, (request) =>
      /satisfied with the overall tax policy/.test(request.messages.map((m) => m.content).join('\n')) ? { text: '{"ANSWER": "YES"}' } : { text: '{"LABOR": 30}' },
    );
    expect(run.status).toBe('completed');
    // 40 workers: adversarial round(4) = 4, altruistic 4, bounded 8, egotistical 24.
    expect([run.metrics.workers_egotistical, run.metrics.workers_altruistic, run.metrics.workers_adversarial, run.metrics.workers_bounded]).toEqual([24, 4, 4, 8]);
    expect(run.metrics.satisfied_share).toBe(1);
    expect(run.metrics.mean_labor).toBe(30);
  });
});
