import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import type { Strategy } from '../../../src/games/definition.js';
import {
  bestResponseOnGrid, conditionalCooperator, createLinearPublicGoodsGame, fixedFractionContributor,
  linearPublicGoodsPayoffs, publicGoodsDefinition, type LinearPublicGoodsState,
} from '../../../src/games/public-goods/index.js';
import { driveGame } from '../metrics/drive-game.js';

// Linear VCM, spec §4 reference: payoff_i = e − x_i + (m/N)·Σx_j; with MPCR = m/N < 1 < m the unique Nash
// equilibrium is x_i = 0 and the social optimum is x_i = e.
describe('linear public goods payoffs', () => {
  it('matches a hand-computed table (e = 20, m = 1.6, N = 4)', () => {
    // Σx = 0 + 10 + 20 + 10 = 40; share = 0.4 · 40 = 16.
    expect(linearPublicGoodsPayoffs(20, 1.6, [0, 10, 20, 10])).toEqual([36, 26, 16, 26]);
  });

  it('best response is 0 whatever the others give when MPCR < 1, and e when MPCR > 1', () => {
    for (const othersTotal of [0, 7.5, 30, 60]) {
      expect(bestResponseOnGrid(20, 1.6, 4, othersTotal)).toBe(0);
      expect(bestResponseOnGrid(20, 4.4, 4, othersTotal)).toBe(20);
    }
  });

  it('the social optimum is x = e for every agent when m > 1 (grid over symmetric profiles)', () => {
    let best = -1;
    let bestWelfare = -Infinity;
    for (let k = 0; k <= 40; k++) {
      const x = k / 2;
      const welfare = linearPublicGoodsPayoffs(20, 1.6, [x, x, x, x]).reduce((a, b) => a + b, 0);
      if (welfare > bestWelfare) [best, bestWelfare] = [x, welfare];
    }
    expect(best).toBe(20);
    expect(bestWelfare).toBeCloseTo(4 * 20 * 1.6, 9);
  });
});

describe('repeated linear public goods game', () => {
  const agents = ['p1', 'p2', 'p3', 'p4'];

  it('accumulates payoffs and reports metrics (two free riders, two full contributors)', () => {
    const game = createLinearPublicGoodsGame({ rounds: 3 }, agents);
    const strategyFor = (a: string) => (a === 'p1' || a === 'p2' ? fixedFractionContributor(0) : fixedFractionContributor(1)) as Strategy;
    const { state } = driveGame<LinearPublicGoodsState>(game, strategyFor);
    // Per round: Σx = 40, share 16: free riders 36, contributors 16.
    expect(game.payoffs(state)).toEqual({ p1: 108, p2: 108, p3: 48, p4: 48 });
    expect(game.metrics(state)).toMatchObject({ mpcr: 0.4, 'contribution-fraction': 0.5, 'cooperation-rate': 0.5, welfare: 312 });
    expect(game.metrics(state).efficiency).toBeCloseTo(312 / (3 * 4 * 20 * 1.6), 12);
  });

  it('shows each agent its own history; the conditional cooperator follows the others', () => {
    const game = createLinearPublicGoodsGame({ rounds: 2 }, agents);
    const { state } = driveGame<LinearPublicGoodsState>(game, (a) => (a === 'p4' ? conditionalCooperator : fixedFractionContributor(0.25)) as Strategy);
    expect(state.contributions).toEqual([[5, 5, 5, 10], [5, 5, 5, 5]]);
    expect(game.observe(state, 'p4').history[0]).toEqual({ round: 1, own: 10, groupTotal: 25, payoff: 20 });
  });

  it('rejects contributions outside [0, e] and invalid params', () => {
    const game = createLinearPublicGoodsGame({}, agents);
    expect(game.actionSchema(game.init(undefined as never), 'p1').safeParse({ contribution: 21 }).success).toBe(false);
    expect(() => createLinearPublicGoodsGame({ multiplier: 0 }, agents)).toThrow(ConfigError);
    try {
      createLinearPublicGoodsGame({ rounds: 1.5 }, agents);
    } catch (e) {
      expect((e as ConfigError).issues[0]?.path).toBe('params.rounds');
    }
    expect(publicGoodsDefinition.params.parse({})).toEqual({ agents: 4, endowment: 20, multiplier: 1.6, rounds: 10, historyShown: 5 });
  });
});
