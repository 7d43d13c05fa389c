import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { Rng } from '../../../src/core/rng.js';
import type { Strategy } from '../../../src/games/definition.js';
import {
  commonsDefinition, createCommonsGame, fixedHarvest, greedyHarvester, strategyFollower, sustainableHarvester, type CommonsState,
} from '../../../src/games/commons/index.js';
import { driveGame } from '../metrics/drive-game.js';

const five = ['a', 'b', 'c', 'd', 'e'];

describe('commons game', () => {
  it('sustainable harvesters keep the GovSim lake full for all 12 rounds', () => {
    const game = createCommonsGame({}, five);
    const { state } = driveGame<CommonsState>(game, () => sustainableHarvester as Strategy);
    // Each round: S = 100, norm = 100/2/5 = 10 each, total 50, regrows to 100. Monitoring costs 0.5 a round.
    expect(game.metrics(state)).toMatchObject({ 'survival-time': 12, collapsed: 0, 'total-harvest': 600, 'final-stock': 100, 'cooperation-rate': 1, punishments: 0, monitorings: 60 });
    expect(game.payoffs(state).a).toBeCloseTo(12 * (10 - 0.5), 9);
  });

  it('collapses when greedy agents empty the stock, ending the game', () => {
    const game = createCommonsGame({ punishment: { enabled: false } }, five);
    const { state, outcomes, phases } = driveGame<CommonsState>(game, () => greedyHarvester as Strategy);
    expect(phases).toBe(1);
    expect(state.collapsed).toBe(true);
    expect(game.metrics(state)).toMatchObject({ 'survival-time': 0, collapsed: 1, 'total-harvest': 100 });
    expect(outcomes).toContainEqual({ type: 'event', name: 'collapse', data: { round: 1, stock: 0 } });
  });

  it('charges monitoring, punishment cost k and fine f exactly (hand-computed round)', () => {
    // 3 agents, S = 100, norm = 100/2/3 = 16.667. a takes the norm and punishes; b takes 30 (violates); c takes 5.
    const game = createCommonsGame({ agents: 3, rounds: 1, socialLearning: { enabled: false } }, ['a', 'b', 'c']);
    const strategies: Record<string, Strategy> = { a: sustainableHarvester as Strategy, b: fixedHarvest(30) as Strategy, c: fixedHarvest(5) as Strategy };
    const { state } = driveGame<CommonsState>(game, (id) => strategies[id] as Strategy);
    const payoffs = game.payoffs(state);
    expect(payoffs.a).toBeCloseTo(100 / 6 - 0.5 - 1, 9); // monitoring 0.5, one punishment k = 1
    expect(payoffs.b).toBeCloseTo(30 - 3, 9); // fine f = 3
    expect(payoffs.c).toBeCloseTo(5, 9);
    expect(state.log[0]!.punishments).toEqual([[0, 1]]);
    expect(state.stock).toBeCloseTo(2 * (100 - 100 / 6 - 35), 9);
    expect(game.metrics(state)['cooperation-rate']).toBeCloseTo(2 / 3, 12);
  });

  it('shows individual harvests next round only to agents that monitored', () => {
    const game = createCommonsGame({ agents: 2, rounds: 2 }, ['m', 'x']);
    const rng = Rng.fromSeed(1);
    let state = game.init(rng);
    state = game.apply(state, new Map([['m', { kind: 'harvest', amount: 10 }], ['x', { kind: 'harvest', amount: 40 }]]), rng).state;
    expect(game.observe(state, 'x')).toMatchObject({ kind: 'sanction', harvest: 40, totalHarvest: 50 });
    state = game.apply(state, new Map([['m', { kind: 'sanction', monitor: true, punish: true }], ['x', { kind: 'sanction', monitor: false, punish: true }]]), rng).state;
    const m = game.observe(state, 'm');
    const x = game.observe(state, 'x');
    expect(m.kind === 'harvest' && m.last?.monitored).toEqual({ m: 10, x: 40 });
    expect(x.kind === 'harvest' && x.last).toMatchObject({ fined: 3 });
    expect(x.kind === 'harvest' && x.last && 'monitored' in x.last).toBe(false);
  });

  it('presets set the starting stock and the initial strategies', () => {
    const rng = Rng.fromSeed(9);
    const rich = createCommonsGame({ preset: 'rich-altruistic' }, five).init(rng);
    const scarce = createCommonsGame({ preset: 'scarce-selfish' }, five).init(rng);
    expect(rich.stock).toBe(100);
    expect(scarce.stock).toBe(30);
    expect(rich.strategies.every((s) => s.harvestFactor >= 0.5 && s.harvestFactor <= 1)).toBe(true);
    expect(scarce.strategies.every((s) => s.harvestFactor >= 1.5 && s.harvestFactor <= 3)).toBe(true);
    expect(createCommonsGame({ preset: 'scarce-altruistic', initialStock: 55 }, five).init(rng).stock).toBe(55);
  });

  it('strategy agents learn socially and runs are deterministic per seed', () => {
    const game = createCommonsGame({ preset: 'rich-altruistic', socialLearning: { beta: 2 } }, five);
    const run = (seed: number) => driveGame<CommonsState>(game, () => strategyFollower as Strategy, seed);
    expect(JSON.stringify(run(5))).toBe(JSON.stringify(run(5)));
    expect(JSON.stringify(run(5).state.strategies)).not.toBe(JSON.stringify(run(6).state.strategies));
    expect(run(5).outcomes.some((o) => o.type === 'event' && o.name === 'imitate')).toBe(true);
  });

  it('rejects invalid params with ConfigError paths and has GovSim-like defaults', () => {
    const pathOf = (input: unknown) => {
      try {
        createCommonsGame(input as never, five);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).issues[0]?.path;
      }
      return undefined;
    };
    expect(pathOf({ initialStock: 150 })).toBe('params.initialStock');
    expect(pathOf({ punishment: { fine: -1 } })).toBe('params.punishment.fine');
    expect(pathOf({ regrowth: 'linear' })).toBe('params.regrowth');
    expect(commonsDefinition.params.parse({})).toMatchObject({ agents: 5, capacity: 100, regrowth: 'doubling', rounds: 12, punishment: { enabled: true, cost: 1, fine: 3 }, socialLearning: { enabled: true, beta: 1 } });
  });
});
