import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { Rng } from '../../../src/core/rng.js';
import {
  createSequentialPublicGoodsGame, fixedQuality, fullContributionCondition, matchPredecessors, sequentialPublicGoodsParamsSchema,
  sequentialRewards, solveSpne, type SequentialPublicGoodsState,
} from '../../../src/games/public-goods/index.js';
import { driveGame } from '../metrics/drive-game.js';

const params = (over: Record<string, unknown> = {}) => sequentialPublicGoodsParamsSchema.parse(over);
const grid = Array.from({ length: 10 }, (_, k) => Math.round((k + 1) * 10) / 100); // 0.1 .. 1.0

describe('sequential rewards (spec §4 form)', () => {
  it('matches a hand-computed table', () => {
    // N = 3, κ = 1, γ = 1.5, ρ = 1.8, P = 1.5, B = 0.85; c = (1, 0.5, 0.9): E = 0.8 < B, so all pay P.
    // U_1 = −0.5 + 0 + 0.6·0.8 − 1.5 = −1.52; U_2 = −0.125 + 1.5 + 0.48 − 1.5 = 0.355; U_3 = −0.405 + 2.25 + 0.48 − 1.5 = 0.825.
    const u = sequentialRewards([1, 0.5, 0.9], params());
    [-1.52, 0.355, 0.825].forEach((x, i) => expect(u[i]).toBeCloseTo(x, 12));
  });
});

describe('SPNE by backward induction vs the closed form (README.md)', () => {
  // N = 3, κ = 1, c_max = 1: ρ-bound = 9; with ρ = 1.8, c° = 0.2 and the P-bound = (1 − 0.04)/2 − 0.2·0.8 = 0.32.
  it.each([
    { name: 'ρ at the dominance bound', over: { rho: 9, penalty: 0, threshold: 0.5 }, holds: true },
    { name: 'ρ above the bound', over: { rho: 12, penalty: 0, threshold: 2 }, holds: true },
    { name: 'B = c_max and P above its bound', over: { threshold: 1, penalty: 0.35 }, holds: true },
    { name: 'B = c_max and a large P', over: { threshold: 1, penalty: 1.5 }, holds: true },
    { name: 'B = c_max and P below its bound', over: { threshold: 1, penalty: 0.3 }, holds: false },
    { name: 'B below c_max (the last mover shades down)', over: { threshold: 0.85, penalty: 1.5 }, holds: false },
    { name: 'no penalty, ρ below its bound', over: { penalty: 0 }, holds: false },
  ])('$name', ({ over, holds }) => {
    const p = params(over);
    const condition = fullContributionCondition(p);
    expect(condition.holds).toBe(holds);
    const { path } = solveSpne(p, grid);
    expect(path.every((c) => c === 1)).toBe(holds);
  });

  it('states the bounds', () => {
    const c = fullContributionCondition(params({ threshold: 1 }));
    expect(c.rhoBound).toBe(9);
    expect(c.unconstrainedBest).toBeCloseTo(0.2, 12);
    expect(c.penaltyBound).toBeCloseTo(0.32, 12);
  });

  it('without a binding penalty everyone plays c° = ρ/(κN²); γ does not move the equilibrium', () => {
    expect(solveSpne(params({ penalty: 0 }), grid).path).toEqual([0.2, 0.2, 0.2]);
    expect(solveSpne(params({ penalty: 0, gamma: 0 }), grid).path).toEqual(solveSpne(params({ penalty: 0, gamma: 10 }), grid).path);
  });

  it('under B < c_max with a strong penalty the last mover contributes just enough', () => {
    // Predecessors at 1, 1: the last needs 3·0.85 − 2 = 0.55 (grid 0.6) to avoid P; earlier movers anticipate it.
    const { path } = solveSpne(params({ threshold: 0.85, penalty: 1.5 }), grid);
    expect(path.reduce((a, b) => a + b, 0) / 3).toBeGreaterThanOrEqual(0.85 - 1e-9);
    expect(path.some((c) => c < 1)).toBe(true);
  });
});

describe('sequential game', () => {
  const agents = ['llama', 'smol', 'qwen'];

  it('shows everyone their predecessors under full observation, only agent i−1 under partial', () => {
    for (const observation of ['full', 'partial'] as const) {
      const game = createSequentialPublicGoodsGame({ observation }, agents);
      let state = game.init(Rng.fromSeed(1));
      state = game.apply(state, new Map([['llama', { quality: 0.9, text: 'draft' }]]), Rng.fromSeed(1)).state;
      state = game.apply(state, new Map([['smol', { quality: 0.4 }]]), Rng.fromSeed(1)).state;
      expect(game.phase(state)).toMatchObject({ kind: 'sequential', agents: ['qwen'] });
      const seen = game.observe(state, 'qwen').predecessors.map((c) => c.agent);
      expect(seen).toEqual(observation === 'full' ? ['llama', 'smol'] : ['smol']);
    }
  });

  it('pays the rewards at the end of each episode and is deterministic', () => {
    const game = createSequentialPublicGoodsGame({ rounds: 2 }, agents);
    const run = () => driveGame<SequentialPublicGoodsState>(game, (a) => (a === 'llama' ? fixedQuality(1) : matchPredecessors), 3);
    const { state } = run();
    expect(state.episodes).toEqual([[1, 1, 1], [1, 1, 1]]);
    const u = sequentialRewards([1, 1, 1], params());
    expect(game.payoffs(state).qwen).toBeCloseTo(2 * (u[2] as number), 12);
    expect(game.metrics(state)).toMatchObject({ 'task-score': 1, 'penalty-rate': 0, 'full-contribution-rate': 1 });
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });

  it('rejects invalid params naming the path', () => {
    try {
      createSequentialPublicGoodsGame({ cMin: 2, cMax: 1 }, agents);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues[0]?.path).toBe('params.cMin');
    }
  });
});
