// One match between two players on a matrix game (spec section 17: per-turn actions and scores, totals,
// winner or null on a tie, cooperation counts). Every player, scripted or async, goes through the same
// Game (init / phase / observe / apply); the only difference is whether `decide` is awaited.
import { Rng } from '../../core/rng.js';
import type { GameDefinition } from '../definition.js';
import type { AgentId } from '../game.js';
import { MatrixGame } from '../matrix/matrix-game.js';
import type { MatrixParams } from '../matrix/matrix-params.js';
import type { MatrixObservation, MatrixState, RoundNode } from '../matrix/matrix-state.js';
import type { MatrixStrategy } from '../strategies/define-strategy.js';
import { parseGameParams } from '../parse-game-params.js';
import { isScripted, playerName, type Player } from './player.js';

export interface MatchResult {
  /** Player names, seat order. */
  agents: [string, string];
  /** Per turn: [seat 0 action, seat 1 action]. */
  actions: Array<[string, string]>;
  /** Per turn: [seat 0 payoff, seat 1 payoff]. */
  scores: Array<[number, number]>;
  totals: [number, number];
  /** The name with the higher total, or null when tied (Axelrod's `winner` is False then). */
  winner: string | null;
  /** How many times each seat played the cooperative label (0 when the game has none). */
  cooperation: [number, number];
  turns: number;
}

export interface MatchOptions {
  /** Rounds to play; overrides the game's `rounds` parameter when a definition is given. @default the game's rounds */
  turns?: number;
  /** Root seed of the match's rng streams (game, seat 0, seat 1). @default 0 */
  seed?: number;
  /** Game parameters when a definition is given (validated; errors are ConfigErrors naming the parameter). */
  params?: Record<string, unknown>;
  /** The match's rng; when set, `seed` is ignored (tournaments pass a derived stream). */
  rng?: Rng;
}

type MatrixSource = MatrixGame | GameDefinition<MatrixParams>;

/** Resolves a definition (with params and turns) or a game into a game for the two seats. */
export function matchGame(source: MatrixSource, ids: readonly [AgentId, AgentId], options: MatchOptions = {}): MatrixGame {
  if (source instanceof MatrixGame) {
    if (options.turns !== undefined && options.turns !== source.params.rounds) {
      return new MatrixGame(source.metadata, { ...source.params, rounds: options.turns }, ids);
    }
    return source.agents[0] === ids[0] && source.agents[1] === ids[1] ? source : new MatrixGame(source.metadata, source.params, ids);
  }
  const params = parseGameParams(source, { ...options.params, ...(options.turns === undefined ? {} : { rounds: options.turns }) });
  const game = source.create(params, ids);
  if (!(game instanceof MatrixGame)) throw new TypeError(`${source.metadata.name} is not a matrix game`);
  return game;
}

/** Seat ids: the players' names, made distinct for self-play. */
export function seatIds(a: string, b: string): [AgentId, AgentId] {
  return a === b ? [a, `${b}#2`] : [a, b];
}

export function playMatch(source: MatrixSource, players: readonly [MatrixStrategy, MatrixStrategy], options?: MatchOptions): MatchResult;
export function playMatch(source: MatrixSource, players: readonly [Player, Player], options?: MatchOptions): MatchResult | Promise<MatchResult>;
export function playMatch(source: MatrixSource, players: readonly [Player, Player], options: MatchOptions = {}): MatchResult | Promise<MatchResult> {
  const names: [string, string] = [playerName(players[0]), playerName(players[1])];
  const game = matchGame(source, seatIds(names[0], names[1]), options);
  const rng = options.rng ?? Rng.fromSeed(options.seed ?? 0);
  if (isScripted(players[0]) && isScripted(players[1])) {
    return summarise(game, names, runScripted(game, [players[0], players[1]], rng));
  }
  return runAsync(game, players, rng).then((state) => summarise(game, names, state));
}

/** The fast loop: every seat scripted, no promises. */
export function runScripted(game: MatrixGame, seats: readonly [MatrixStrategy, MatrixStrategy], rng: Rng): MatrixState {
  const gameRng = rng.derive('game');
  const rng0 = rng.derive('seat:0');
  const rng1 = rng.derive('seat:1');
  const [id0, id1] = game.agents;
  const [s0, s1] = seats;
  const actions = new Map<AgentId, string>();
  let state = game.init(gameRng);
  while (game.phase(state) !== null) {
    // Sealed: both observe the same state before either action is applied.
    const o0 = game.observe(state, id0);
    const o1 = game.observe(state, id1);
    actions.set(id0, s0.decide(o0, rng0));
    actions.set(id1, s1.decide(o1, rng1));
    state = game.apply(state, actions, gameRng).state;
  }
  return state;
}

/** The async loop: both seats decide concurrently on the same observation state, then the phase is applied. */
export async function runAsync(game: MatrixGame, seats: readonly [Player, Player], rng: Rng): Promise<MatrixState> {
  const gameRng = rng.derive('game');
  const rngs = [rng.derive('seat:0'), rng.derive('seat:1')] as const;
  const ids = game.agents;
  let state = game.init(gameRng);
  while (game.phase(state) !== null) {
    const observations: MatrixObservation[] = [game.observe(state, ids[0]), game.observe(state, ids[1])];
    const chosen = await Promise.all(seats.map(async (seat, k) => seat.decide(observations[k] as MatrixObservation, rngs[k] as Rng)));
    state = game.apply(state, new Map([[ids[0], chosen[0] as string], [ids[1], chosen[1] as string]]), gameRng).state;
  }
  return state;
}

/** The match's record, read back from the final state's history (no per-turn bookkeeping in the loops). */
export function summarise(game: MatrixGame, names: [string, string], state: MatrixState): MatchResult {
  return new MatchRecord(game.params.labels, game.params.cooperative !== null, names, state);
}

/**
 * A `MatchResult` that stores the turns compactly (typed arrays copied from the final state's history, so
 * the history nodes die young) and builds the per-turn pair lists on first access: a tournament of
 * thousands of matches keeps every turn without two small arrays per turn. `toJSON` gives the plain object.
 */
export class MatchRecord implements MatchResult {
  readonly totals: [number, number];
  readonly winner: string | null;
  readonly cooperation: [number, number];
  readonly turns: number;
  private readonly moves: Uint16Array;
  private readonly payoffs: Float64Array;
  private turnLists: { actions: Array<[string, string]>; scores: Array<[number, number]> } | undefined;

  constructor(
    private readonly labels: readonly string[],
    hasCooperation: boolean,
    readonly agents: [string, string],
    state: MatrixState,
  ) {
    const n = state.played;
    const last = state.last;
    this.turns = n;
    this.totals = [last?.ta ?? 0, last?.tb ?? 0];
    this.cooperation = hasCooperation ? [n - (last?.da ?? 0), n - (last?.db ?? 0)] : [0, 0];
    this.winner = this.totals[0] > this.totals[1] ? agents[0] : this.totals[1] > this.totals[0] ? agents[1] : null;
    this.moves = new Uint16Array(2 * n);
    this.payoffs = new Float64Array(2 * n);
    let i = 2 * n - 2;
    for (let node: RoundNode | null = last; node; node = node.prev, i -= 2) {
      this.moves[i] = node.a;
      this.moves[i + 1] = node.b;
      this.payoffs[i] = node.pa;
      this.payoffs[i + 1] = node.pb;
    }
  }

  get actions(): Array<[string, string]> {
    return this.lists().actions;
  }

  get scores(): Array<[number, number]> {
    return this.lists().scores;
  }

  toJSON(): MatchResult {
    const { agents, actions, scores, totals, winner, cooperation, turns } = this;
    return { agents, actions, scores, totals, winner, cooperation, turns };
  }

  private lists() {
    if (this.turnLists) return this.turnLists;
    const actions: Array<[string, string]> = [];
    const scores: Array<[number, number]> = [];
    for (let t = 0; t < this.turns; t++) {
      actions.push([this.labels[this.moves[2 * t] as number] as string, this.labels[this.moves[2 * t + 1] as number] as string]);
      scores.push([this.payoffs[2 * t] as number, this.payoffs[2 * t + 1] as number]);
    }
    this.turnLists = { actions, scores };
    return this.turnLists;
  }
}
