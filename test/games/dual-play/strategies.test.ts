// The offline strategies: an arithmetic proposer drawing from the rng, an exact solver and a noisy one.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { dualPlayDefinition, solveArithmetic, drawArithmeticProblem, type DualPlayState } from '../../../src/games/dual-play/index.js';
import { driveGame } from '../metrics/drive-game.js';

describe('dual-play strategies', () => {
  it('computes a op b, including ×, x, * and ÷', () => {
    expect([solveArithmetic('What is 7 × 6?'), solveArithmetic('3 - 10'), solveArithmetic('8 ÷ 2'), solveArithmetic('no numbers')]).toEqual([42, -7, 4, null]);
    const rng = Rng.fromSeed(5);
    for (let i = 0; i < 50; i++) {
      const p = drawArithmeticProblem(rng, { maxOperand: 9 });
      expect(String(solveArithmetic(p.question))).toBe(p.answer);
    }
  });

  it('an arithmetic proposer against computing solvers: every valid problem is passed by all', () => {
    const params = dualPlayDefinition.params.parse({ solvers: 2, rounds: 20 });
    const game = dualPlayDefinition.create(params, ['p', 's1', 's2']);
    const s = dualPlayDefinition.strategies!;
    const { state } = driveGame<DualPlayState>(game, (a) => (a === 'p' ? s['arithmetic-proposer']! : s['computing-solver']!), 11);
    for (const r of state.log) expect(r.passRate).toBe(r.invalidReasons.length ? 0 : 1);
    // p = 1 is never trainable (p < τ_high = 1 fails), and a fully solved problem earns 1.1 − 1 + 0.2·d
    expect(game.metrics(state)['trainable-rounds']).toBe(0);
  });

  it('a noisy solver is off by one on about its error rate of problems', () => {
    const rng = Rng.fromSeed(2);
    const solver = dualPlayDefinition.strategies!['noisy-solver']!;
    const offsets = Array.from({ length: 2000 }, () => {
      const p = drawArithmeticProblem(rng);
      const obs = { kind: 'solve', name: 's', round: 0, rounds: 1, problem: p.question, updating: [], past: [] };
      return Number((solver.decide(obs, rng) as { answer: string }).answer) - Number(p.answer);
    });
    expect(new Set(offsets)).toEqual(new Set([-1, 0, 1]));
    const missed = offsets.filter((d) => d !== 0).length / offsets.length;
    expect(Math.abs(missed - 0.3)).toBeLessThan(0.035); // ~3 sd of a binomial share over 2000 draws
  });
});
