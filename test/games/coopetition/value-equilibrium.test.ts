import { describe, expect, it } from 'vitest';
import {
  coopetitionModel, coopetitionParamsSchema, integratedUtilities, logarithmicValue, maximise1D, powerValue, privatePayoffs,
  solveEquilibrium, symmetricInvestment, synergy, totalValue,
} from '../../../src/games/coopetition/index.js';

const model = (over: Record<string, unknown> = {}) => coopetitionModel(coopetitionParamsSchema.parse(over));

// Spec §16 (vikpant/strategic-coopetition@d2dffd51032c): with np.log1p, f(50) = 78.636 and total_value([50, 50]) = 189.773
// (the docstrings' 78.55 / 189.60 are wrong).
describe('value functions', () => {
  it('matches the implementation values quoted in the spec', () => {
    expect(Math.abs(logarithmicValue(50) - 78.636)).toBeLessThan(1e-3);
    expect(totalValue([50, 50], model())).toBeCloseTo(189.773, 3);
  });

  it('power value, synergy and payoffs match hand computation', () => {
    expect(powerValue(16, 0.75)).toBeCloseTo(8, 12);
    expect(synergy([2, 8])).toBeCloseTo(4, 12);
    expect(synergy([4, 1e-11, 9])).toBe(0);
    // π_1 = 100 − 10 + 20·ln 11 + 0.5·0.65·√(10·40)
    const m = model();
    expect(privatePayoffs([10, 40], m)[0]).toBeCloseTo(90 + 20 * Math.log(11) + 0.5 * 0.65 * 20, 10);
  });

  it('integrated utility adds D_ij π_j, scaled by trust', () => {
    const m = model({ agents: 3, interdependence: [[0, 0.5, 0], [0.2, 0, 0.2], [1, 0, 0]], trust: 0.5 });
    expect(integratedUtilities([10, 20, 30], m)).toEqual([10 + 0.5 * 0.5 * 20, 20 + 0.5 * 0.2 * 10 + 0.5 * 0.2 * 30, 30 + 0.5 * 1 * 10]);
  });
});

describe('equilibria by best-response iteration vs the first-order conditions', () => {
  it('maximise1D finds interior and boundary maxima', () => {
    expect(maximise1D((x) => -((x - 3) ** 2), 0, 10)).toBeCloseTo(3, 7);
    expect(maximise1D((x) => x, 0, 10)).toBe(10);
  });

  it.each([
    { valueFunction: 'logarithmic', kind: 'nash', weight: 0 },
    { valueFunction: 'logarithmic', kind: 'coopetitive', weight: 0.5 },
    { valueFunction: 'power', kind: 'nash', weight: 0 },
    { valueFunction: 'power', kind: 'coopetitive', weight: 0.5 },
  ] as const)('$valueFunction $kind', ({ valueFunction, kind, weight }) => {
    const m = model({ valueFunction });
    const solved = solveEquilibrium(m, kind);
    expect(solved.converged).toBe(true);
    const expected = symmetricInvestment(m, weight);
    solved.investments.forEach((a) => expect(a).toBeCloseTo(expected, 4));
  });

  it('hits the hand-computed log-value solutions (N = 2, γ = 0.65, θ = 20)', () => {
    // Nash: 20 / (1 − 0.65/4) − 1 = 22.8806; coopetitive with D = 0.5: 20 / (1 − 1.5·0.65/4) − 1 = 25.4463.
    expect(symmetricInvestment(model())).toBeCloseTo(22.8806, 4);
    expect(symmetricInvestment(model(), 0.5)).toBeCloseTo(25.4463, 4);
    expect(solveEquilibrium(model(), 'nash').investments[0]).toBeCloseTo(22.8806, 4);
  });

  it('trust scales the interdependence, and three agents follow the N-agent condition', () => {
    const lowTrust = model({ trust: 0.2 });
    expect(solveEquilibrium(lowTrust, 'coopetitive').investments[1]).toBeCloseTo(symmetricInvestment(lowTrust, 0.1), 4);
    const three = model({ agents: 3, interdependence: 0.4 });
    expect(solveEquilibrium(three, 'coopetitive').investments[2]).toBeCloseTo(symmetricInvestment(three, 0.4), 4);
  });

  it('caps at the endowment when the optimum lies beyond it', () => {
    const poor = model({ endowment: [10, 10] });
    expect(solveEquilibrium(poor, 'nash').investments).toEqual([10, 10]);
  });
});
