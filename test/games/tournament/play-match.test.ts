// A match's record (spec §17): per-turn actions and scores, totals, winner (null on a tie), cooperation.
import { describe, expect, it } from 'vitest';
import { prisonersDilemma } from '../../../src/games/matrix/matrix-definitions.js';
import { alternator, cooperator, defector, titForTat } from '../../../src/games/strategies/classic.js';
import { playMatch } from '../../../src/games/tournament/play-match.js';

describe('playMatch', () => {
  it('records tit for tat against the alternator turn by turn', () => {
    const result = playMatch(prisonersDilemma, [titForTat, alternator], { turns: 4 });
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      agents: ['tit-for-tat', 'alternator'],
      actions: [['C', 'C'], ['C', 'D'], ['D', 'C'], ['C', 'D']],
      scores: [[3, 3], [0, 5], [5, 0], [0, 5]],
      totals: [8, 13],
      winner: 'alternator',
      cooperation: [3, 2],
      turns: 4,
    });
  });

  it('has no winner on a tie and plays self-play with distinct seats', () => {
    const result = playMatch(prisonersDilemma, [cooperator, cooperator], { turns: 3 });
    expect(result.winner).toBeNull();
    expect(result.totals).toEqual([9, 9]);
    expect(result.agents).toEqual(['cooperator', 'cooperator']);
  });

  it("defaults to the game's rounds and accepts a created game", () => {
    expect(playMatch(prisonersDilemma, [defector, cooperator]).turns).toBe(10);
    const game = prisonersDilemma.create(prisonersDilemma.params.parse({ rounds: 2 }), ['x', 'y']);
    expect(playMatch(game as never, [defector, cooperator]).actions).toEqual([['D', 'C'], ['D', 'C']]);
  });

  it('returns a promise when a player is asynchronous', async () => {
    const slowDefector = { name: 'slow-defector', decide: async () => 'D' };
    const result = await playMatch(prisonersDilemma, [titForTat, slowDefector], { turns: 3 });
    expect(result.actions).toEqual([['C', 'D'], ['D', 'D'], ['D', 'D']]);
  });
});
