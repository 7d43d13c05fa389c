// Round-robin conventions of the Axelrod library (spec §17): self-play played but excluded, normalised
// score = mean over opponents of per-turn payoff, ranking by the median over repetitions with ties in input
// order, one rng stream per match. Expected figures are hand-computed from the PD table (3,0,5,1).
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import type { Rng } from '../../../src/core/rng.js';
import { prisonersDilemma } from '../../../src/games/matrix/matrix-definitions.js';
import type { MatrixObservation } from '../../../src/games/matrix/matrix-state.js';
import { cooperator, defector, grudger, random, titForTat } from '../../../src/games/strategies/classic.js';
import { joss } from '../../../src/games/strategies/retaliating.js';
import type { AsyncPlayer } from '../../../src/games/tournament/player.js';
import { median, runTournament } from '../../../src/games/tournament/run-tournament.js';

describe('round robin', () => {
  it('scores cooperator, defector and tit for tat over 10 turns as by hand', async () => {
    const result = await runTournament({ game: prisonersDilemma, players: [cooperator, defector, titForTat], turns: 10, repetitions: 2 });
    // cooperator: vs defector 0/turn, vs TFT 3/turn -> 1.5; defector: vs cooperator 5, vs TFT (5 + 9)/10 = 1.4 -> 3.2;
    // TFT: vs cooperator 3, vs defector 9/10 = 0.9 -> 1.95.
    expect(result.scores).toEqual({ cooperator: 1.5, defector: 3.2, 'tit-for-tat': 1.95 });
    expect(result.ranking).toEqual(['defector', 'tit-for-tat', 'cooperator']);
    expect(result.wins).toEqual({ cooperator: 0, defector: 4, 'tit-for-tat': 0 });
    // cooperation against others only: cooperator 2 x (10 + 10); TFT 2 x (10 + 1); defector 0.
    expect(result.cooperation).toEqual({ cooperator: 40, defector: 0, 'tit-for-tat': 22 });
    expect(result.matches).toHaveLength(6 * 2);
  });

  it('plays self-play but leaves it out of the averages', async () => {
    const result = await runTournament({ game: prisonersDilemma, players: [cooperator, defector], turns: 10, repetitions: 1 });
    // With self-play counted the cooperator would average (3 + 0) / 2; without it, it only met the defector.
    expect(result.scores).toEqual({ cooperator: 0, defector: 5 });
    expect(result.matches.map((m) => m.pair)).toEqual([[0, 0], [0, 1], [1, 1]]);
    expect(result.matches[0]?.result.agents).toEqual(['cooperator', 'cooperator']);
    expect(result.cooperation).toEqual({ cooperator: 10, defector: 0 });
  });

  it('breaks ties by input order', async () => {
    const ab = await runTournament({ game: prisonersDilemma, players: [titForTat, grudger], turns: 5, repetitions: 1 });
    const ba = await runTournament({ game: prisonersDilemma, players: [grudger, titForTat], turns: 5, repetitions: 1 });
    expect(ab.scores['tit-for-tat']).toBe(ab.scores['grudger']);
    expect(ab.ranking).toEqual(['tit-for-tat', 'grudger']);
    expect(ba.ranking).toEqual(['grudger', 'tit-for-tat']);
  });

  it('ranks by the median over repetitions, not the mean', async () => {
    const result = await runTournament({ game: prisonersDilemma, players: [random, joss, titForTat], turns: 20, repetitions: 5, seed: 3 });
    result.players.forEach((name, k) => expect(result.scores[name]).toBe(median(result.normalised[k] as number[])));
    const sorted = [...result.players].sort((a, b) => (result.scores[b] as number) - (result.scores[a] as number));
    expect(result.ranking).toEqual(sorted);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('determinism', () => {
  it('gives the same tournament for the same seed and a different one for another seed', async () => {
    const run = (seed: number) => runTournament({ game: prisonersDilemma, players: [random, joss, titForTat], turns: 30, repetitions: 3, seed });
    const [a, b, c] = await Promise.all([run(11), run(11), run(12)]);
    expect(a.normalised).toEqual(b.normalised);
    expect(a.matches.map((m) => m.result.actions)).toEqual(b.matches.map((m) => m.result.actions));
    expect(c.normalised).not.toEqual(a.normalised);
  });

  it('gives each match its own stream: adding a player does not change the other matches', async () => {
    const small = await runTournament({ game: prisonersDilemma, players: [random, joss], turns: 30, repetitions: 2, seed: 4 });
    const large = await runTournament({ game: prisonersDilemma, players: [random, joss, cooperator], turns: 30, repetitions: 2, seed: 4 });
    const pairActions = (r: typeof small) => r.matches.filter((m) => m.pair[0] === 0 && m.pair[1] === 1).map((m) => m.result.actions);
    expect(pairActions(large)).toEqual(pairActions(small));
  });
});

describe('async players', () => {
  it('step the same game: an async tit for tat scores exactly like the scripted one', async () => {
    const asyncTft: AsyncPlayer = {
      name: 'tit-for-tat',
      decide: async (obs: MatrixObservation, rng: Rng) => titForTat.decide(obs, rng),
    };
    const scripted = await runTournament({ game: prisonersDilemma, players: [titForTat, defector, random], turns: 15, repetitions: 2, seed: 8 });
    const driven = await runTournament({ game: prisonersDilemma, players: [asyncTft, defector, random], turns: 15, repetitions: 2, seed: 8 });
    expect(driven.normalised).toEqual(scripted.normalised);
    expect(driven.matches.map((m) => m.result.actions)).toEqual(scripted.matches.map((m) => m.result.actions));
  });
});

describe('options', () => {
  it('rejects bad options with a ConfigError naming the option', async () => {
    await expect(runTournament({ game: prisonersDilemma, players: [titForTat], turns: 5 })).rejects.toThrow(/players/);
    await expect(runTournament({ game: prisonersDilemma, players: [titForTat, titForTat], turns: 5 })).rejects.toThrow(/players\[1\].*duplicate/s);
    await expect(runTournament({ game: prisonersDilemma, players: [titForTat, defector], turns: 0 })).rejects.toBeInstanceOf(ConfigError);
    await expect(runTournament({ game: prisonersDilemma, players: [titForTat, defector], params: { payoffs: 'x' } })).rejects.toThrow(/params\.payoffs/);
  });

  it('applies payoff overrides to every match', async () => {
    const result = await runTournament({ game: prisonersDilemma, players: [cooperator, defector], turns: 4, repetitions: 1, params: { payoffs: '3,-1,4,0' } });
    expect(result.scores).toEqual({ cooperator: -1, defector: 4 });
  });
});
