// Agreement statistics against textbook examples.
import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa, fleissTable, krippendorffAlpha } from '../../../src/judges/panel/agreement.js';

describe("Cohen's kappa", () => {
  // Wikipedia, "Cohen's kappa", worked example: 50 grant proposals, two readers:
  // 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4
  const a = [...new Array(25).fill('yes'), ...new Array(25).fill('no')];
  const b = [...new Array(20).fill('yes'), ...new Array(5).fill('no'), ...new Array(10).fill('yes'), ...new Array(15).fill('no')];
  it('gives 0.4 on the proposals example', () => {
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
  });
  it('is 1 for identical raters', () => {
    expect(cohenKappa(['x', 'y'], ['x', 'y'])).toBe(1);
  });
});

describe("Fleiss' kappa", () => {
  // Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories;
  // P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
  const table = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  it('gives 0.210', () => {
    expect(fleissKappa(table)).toBeCloseTo(0.20993, 5);
  });
  it('rejects rows with different rater counts', () => {
    expect(() => fleissKappa([[1, 1], [2, 1]])).toThrow(/row 1/);
  });
  it('builds the count table from per-rater labels', () => {
    expect(fleissTable([['a', 'b'], ['a', 'a'], ['b', 'a']])).toEqual([[2, 1], [2, 1]]);
  });
});

describe("Krippendorff's alpha", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4-observer × 12-unit example
  // with missing values: α_nominal = 0.743, α_interval = 0.849.
  const _ = null;
  const data = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  it('nominal: 0.743', () => {
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(0.743, 3);
  });
  it('interval: 0.849', () => {
    expect(krippendorffAlpha(data, 'interval')).toBeCloseTo(0.849, 3);
  });
  it('is 1 with perfect agreement', () => {
    expect(krippendorffAlpha([[1, 2, 3], [1, 2, 3]], 'interval')).toBe(1);
  });
});
