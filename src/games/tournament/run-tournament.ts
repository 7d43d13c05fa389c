// A round-robin tournament with Axelrod's conventions (spec section 17): every pair plays, self-play
// included but excluded from every aggregate; a player's normalised score in a repetition is the mean over
// its opponents of its per-turn payoff; the ranking sorts by the median over repetitions (ties keep the
// input order). Each match gets its own rng stream derived from the seed, so results do not depend on
// the order matches are played in.
import { ConfigError } from '../../core/errors/config-error.js';
import { Rng } from '../../core/rng.js';
import type { GameDefinition } from '../definition.js';
import type { MatrixGame } from '../matrix/matrix-game.js';
import type { MatrixParams } from '../matrix/matrix-params.js';
import { matchGame, runAsync, runScripted, seatIds, summarise, type MatchResult } from './play-match.js';
import { isScripted, playerName, type Player } from './player.js';

export interface TournamentOptions {
  /** The game (a definition, parameters applied from `params`). */
  game: GameDefinition<MatrixParams> | MatrixGame;
  /** Players in input order; names must be distinct. At least two. */
  players: readonly Player[];
  /** Turns per match. @default 200 (Axelrod) */
  turns?: number;
  /** Times each match is played. @default 10 (Axelrod) */
  repetitions?: number;
  /** Root seed. @default 0 */
  seed?: number;
  /** Game parameters (validated) when `game` is a definition. */
  params?: Record<string, unknown>;
  /** Keep every match's per-turn record in the result. @default true */
  keepMatches?: boolean;
}

export interface TournamentMatch {
  repetition: number;
  /** Input indices of the two players. */
  pair: [number, number];
  /** The match (per-turn lists built on first access). */
  result: MatchResult;
}

export interface TournamentResult {
  players: string[];
  turns: number;
  repetitions: number;
  seed: number;
  /** Every match played (self-play included), when `keepMatches`. */
  matches: TournamentMatch[];
  /** normalised[player][repetition]: mean over opponents (not itself) of per-turn payoff. */
  normalised: number[][];
  /** Median normalised score per player. */
  scores: Record<string, number>;
  /** Names, best first; ties keep the input order. */
  ranking: string[];
  /** Matches won against other players, summed over repetitions. */
  wins: Record<string, number>;
  /** Cooperative moves against other players, summed over repetitions. */
  cooperation: Record<string, number>;
  /** Total payoff against other players, summed over repetitions. */
  payoffs: Record<string, number>;
}

export async function runTournament(options: TournamentOptions): Promise<TournamentResult> {
  const { players, turns, repetitions, seed, keep } = validate(options);
  const names = players.map(playerName);
  const n = players.length;
  const root = Rng.fromSeed(seed);
  const perTurn = names.map(() => Array.from({ length: repetitions }, () => 0));
  const wins = new Array<number>(n).fill(0);
  const cooperation = new Array<number>(n).fill(0);
  const payoffs = new Array<number>(n).fill(0);
  const matches: TournamentMatch[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const a = players[i] as Player;
      const b = players[j] as Player;
      const game = matchGame(options.game, seatIds(names[i] as string, names[j] as string), { turns, ...(options.params ? { params: options.params } : {}) });
      const pairNames: [string, string] = [names[i] as string, names[j] as string];
      for (let r = 0; r < repetitions; r++) {
        const rng = root.derive(`rep:${r}/match:${i}-${j}`);
        const state = isScripted(a) && isScripted(b) ? runScripted(game, [a, b], rng) : await runAsync(game, [a, b], rng);
        const match = summarise(game, pairNames, state);
        if (keep) matches.push({ repetition: r, pair: [i, j], result: match });
        if (i === j) continue; // self-play is played but excluded from every aggregate (Axelrod)
        const played = Math.max(1, match.turns);
        (perTurn[i] as number[])[r] = ((perTurn[i] as number[])[r] as number) + match.totals[0] / played;
        (perTurn[j] as number[])[r] = ((perTurn[j] as number[])[r] as number) + match.totals[1] / played;
        if (match.totals[0] > match.totals[1]) wins[i] = (wins[i] as number) + 1;
        else if (match.totals[1] > match.totals[0]) wins[j] = (wins[j] as number) + 1;
        cooperation[i] = (cooperation[i] as number) + match.cooperation[0];
        cooperation[j] = (cooperation[j] as number) + match.cooperation[1];
        payoffs[i] = (payoffs[i] as number) + match.totals[0];
        payoffs[j] = (payoffs[j] as number) + match.totals[1];
      }
    }
  }
  const normalised = perTurn.map((row) => row.map((total) => total / (n - 1)));
  const medians = normalised.map(median);
  const order = names.map((_, k) => k).sort((x, y) => (medians[y] as number) - (medians[x] as number) || x - y);
  const byName = (values: number[]): Record<string, number> => Object.fromEntries(names.map((name, k) => [name, values[k] as number]));
  return {
    players: names,
    turns,
    repetitions,
    seed,
    matches,
    normalised,
    scores: byName(medians),
    ranking: order.map((k) => names[k] as string),
    wins: byName(wins),
    cooperation: byName(cooperation),
    payoffs: byName(payoffs),
  };
}

/** The median (mean of the two middle values for an even count), as numpy and the Axelrod library compute it. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function validate(options: TournamentOptions) {
  const turns = options.turns ?? 200;
  const repetitions = options.repetitions ?? 10;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(turns) || turns < 1) throw ConfigError.at('turns', `expected a positive integer, got ${turns}`);
  if (!Number.isInteger(repetitions) || repetitions < 1) throw ConfigError.at('repetitions', `expected a positive integer, got ${repetitions}`);
  if (!Number.isInteger(seed)) throw ConfigError.at('seed', `expected an integer, got ${seed}`);
  if (options.players.length < 2) throw ConfigError.at('players', `a round robin needs at least two players, got ${options.players.length}`);
  const seen = new Map<string, number>();
  options.players.forEach((p, k) => {
    const name = playerName(p);
    const first = seen.get(name);
    if (first !== undefined) throw ConfigError.at(`players[${k}]`, `duplicate player name "${name}" (also players[${first}]); names must be distinct`);
    seen.set(name, k);
  });
  return { players: options.players, turns, repetitions, seed, keep: options.keepMatches ?? true };
}
