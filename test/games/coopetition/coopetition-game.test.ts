import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import type { Strategy } from '../../../src/games/definition.js';
import {
  coopetitionDefinition, coopetitionModel, coopetitionParamsSchema, createCoopetitionGame, equilibriumInvestor, fixedShareInvestor,
  integratedUtilities, privatePayoffs, totalValue, type CoopetitionState,
} from '../../../src/games/coopetition/index.js';
import { driveGame } from '../metrics/drive-game.js';

describe('repeated coopetition game', () => {
  it('pays private payoffs per round and reports value metrics', () => {
    const game = createCoopetitionGame({ rounds: 3 }, ['sony', 'samsung']);
    const { state } = driveGame<CoopetitionState>(game, (a) => (a === 'sony' ? fixedShareInvestor(0.5) : fixedShareInvestor(0.1)) as Strategy);
    const m = coopetitionModel(coopetitionParamsSchema.parse({}));
    const round = privatePayoffs([50, 10], m);
    expect(game.payoffs(state).sony).toBeCloseTo(3 * (round[0] as number), 9);
    expect(game.metrics(state)['last-total-value']).toBeCloseTo(totalValue([50, 10], m), 9);
    expect(game.metrics(state)['mean-investment-share']).toBeCloseTo(0.3, 12);
  });

  it('pays integrated utilities in integrated mode; equilibrium players reach the coopetitive profile', () => {
    const game = createCoopetitionGame({ rounds: 2, rewardMode: 'integrated' }, ['a', 'b']);
    const { state } = driveGame<CoopetitionState>(game, () => equilibriumInvestor('coopetitive') as Strategy);
    const m = coopetitionModel(coopetitionParamsSchema.parse({}));
    const xs = state.investments[0] as number[];
    expect(xs[0]).toBeCloseTo(25.4463, 3);
    expect(game.payoffs(state).a).toBeCloseTo(2 * (integratedUtilities(privatePayoffs(xs, m), m)[0] as number), 9);
  });

  it('bounds investments to [0, e_i] and rejects bad params with their path', () => {
    const game = createCoopetitionGame({ endowment: [100, 40] }, ['a', 'b']);
    expect(game.actionSchema(game.init(undefined as never), 'b').safeParse({ investment: 50 }).success).toBe(false);
    const pathOf = (input: unknown) => {
      try {
        createCoopetitionGame(input as never, ['a', 'b']);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).issues[0]?.path;
      }
      return undefined;
    };
    expect(pathOf({ alpha: [1, 1, 1] })).toBe('params.alpha');
    expect(pathOf({ interdependence: [[0, 1], [1]] })).toBe('params.interdependence[1]');
    expect(pathOf({ beta: 1.5 })).toBe('params.beta');
    expect(coopetitionDefinition.params.parse({})).toMatchObject({ theta: 20, beta: 0.75, gamma: 0.65, valueFunction: 'logarithmic' });
  });

  it('is deterministic', () => {
    const run = () => driveGame<CoopetitionState>(createCoopetitionGame({}, ['a', 'b']), () => fixedShareInvestor(0.3) as Strategy, 4);
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });
});
