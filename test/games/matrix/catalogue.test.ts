// The 144 Robinson–Goforth games as saved by the repeated-games study (spec §2;
// data/repeated-games/144_games_info.csv from eliaka/repeatedgames@224a605).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors/input-error.js';
import { CATALOGUE_FAMILIES, catalogue, catalogueGame, parseCatalogue } from '../../../src/games/matrix/catalogue.js';

describe('the 144-game catalogue', () => {
  it('has 144 games numbered 1..144', () => {
    expect(catalogue().map((g) => g.number)).toEqual(Array.from({ length: 144 }, (_, i) => i + 1));
  });

  it('has the seven families with the counts of spec §2 (36/44/19/18/12/8/7)', () => {
    const counts: Record<string, number> = {};
    for (const g of catalogue()) counts[g.family] = (counts[g.family] ?? 0) + 1;
    expect(counts).toEqual({ 'Win-win': 36, Biased: 44, Unfair: 19, Cyclic: 18, 'Second Best': 12, Tragic: 8, 'PD Family': 7 });
    expect(CATALOGUE_FAMILIES).toEqual(counts);
  });

  it("has the prisoner's dilemma at #67 (3,3 | 1,4 | 4,1 | 2,2)", () => {
    const pd = catalogueGame(67);
    expect(pd).toMatchObject({ name: 'Prisoners’ Dilemma', family: 'PD Family' });
    expect(pd.payoffs).toEqual([[[3, 3], [1, 4]], [[4, 1], [2, 2]]]);
  });

  it('has the stag hunt at #78 (4,4 | 1,3 | 3,1 | 2,2) and chicken at #12', () => {
    expect(catalogueGame(78)).toMatchObject({ name: 'Stag Hunt', family: 'Win-win', payoffs: [[[4, 4], [1, 3]], [[3, 1], [2, 2]]] });
    expect(catalogueGame(12).name).toBe('Chicken');
  });

  // The source file repeats a payoff in 15 games (checked against eliaka/repeatedgames upstream; see
  // data/repeated-games/PROVENANCE.md): every other game gives each player 1..4 exactly once.
  const IRREGULAR = [17, 18, 19, 20, 21, 22, 23, 24, 58, 59, 60, 83, 84, 95, 96];
  it('gives each player a permutation of the ordinal payoffs 1..4, except the 15 irregular games of the source', () => {
    const irregular: number[] = [];
    for (const g of catalogue()) {
      const permutation = [0, 1].every((p) => JSON.stringify(g.payoffs.flat().map((pair) => pair[p]).sort()) === '[1,2,3,4]');
      if (!permutation) irregular.push(g.number);
      for (const pair of g.payoffs.flat()) for (const v of pair) expect([1, 2, 3, 4]).toContain(v);
    }
    expect(irregular).toEqual(IRREGULAR);
  });

  it('finds games by name, ignoring case and apostrophes, and refuses ambiguous names', () => {
    expect(catalogueGame('stag hunt').number).toBe(78);
    expect(catalogueGame("Prisoners' Dilemma").number).toBe(67);
    expect(catalogueGame('67').number).toBe(67);
    expect(() => catalogueGame('Alibi')).toThrow(/#65, #91/);
    expect(() => catalogueGame(145)).toThrow(/1\.\.144/);
    expect(() => catalogueGame('No Such Game')).toThrow(/no catalogue game named/);
  });
});

describe('parseCatalogue', () => {
  it('locates columns by the header, not by position', () => {
    const text = 'game_name;game_number;game_family;game_row;game_col;r2_c2_p2;r2_c2_p1;r2_c1_p2;r2_c1_p1;r1_c2_p2;r1_c2_p1;r1_c1_p2;r1_c1_p1\nX;5;Tragic;1;2;8;7;6;5;4;3;2;1';
    expect(parseCatalogue(text)).toEqual([{ number: 5, name: 'X', family: 'Tragic', row: 1, col: 2, payoffs: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] }]);
  });
  it('names the file, line and field of a bad value', () => {
    const text = 'game_number;game_row;game_col;game_name;game_family;r1_c1_p1;r1_c1_p2;r1_c2_p1;r1_c2_p2;r2_c1_p1;r2_c1_p2;r2_c2_p1;r2_c2_p2\n1;1;1;A;Unfair;3;x;2;3;4;2;1;1';
    expect(() => parseCatalogue(text, 'games.csv')).toThrow(InputError);
    expect(() => parseCatalogue(text, 'games.csv')).toThrow(/games\.csv:line 2: .*field r1_c1_p2/);
    expect(() => parseCatalogue('game_number;game_name\n1;A', 'g.csv')).toThrow(/missing column "game_family"/);
  });
});
