// A small game for engine tests: each round every agent picks an integer in [0, max]; picks made so far
// this round are part of the observation, so a leak across a sealed phase would be visible.
import { z } from 'zod';
import type { Rng } from '../../src/core/rng.js';
import type { AgentId, ApplyResult, Game, Phase } from '../../src/games/game.js';

export interface PickState {
  round: number;
  rounds: number;
  /** Index of the next mover in sequential mode. */
  mover: number;
  picks: Record<AgentId, number>;
  history: Array<Record<AgentId, number>>;
  scores: Record<AgentId, number>;
  noise: number[];
}

export interface PickObservation {
  round: number;
  picksThisRound: Record<AgentId, number>;
  history: Array<Record<AgentId, number>>;
}

export function pickGame(options: { agents: string[]; rounds: number; mode: 'simultaneous' | 'sequential'; max?: number; oddOnly?: boolean }): Game<PickState, number, PickObservation> {
  const max = options.max ?? 10;
  const agents = options.agents;
  return {
    metadata: { name: 'pick', version: '1', description: 'test game' },
    agents,
    init(rng: Rng) {
      return { round: 0, rounds: options.rounds, mover: 0, picks: {}, history: [], scores: Object.fromEntries(agents.map((a) => [a, 0])), noise: [rng.int(0, 1000)] };
    },
    phase(state): Phase | null {
      if (state.round >= state.rounds) return null;
      if (options.mode === 'simultaneous') return { kind: 'simultaneous', agents: [...agents], round: state.round };
      return { kind: 'sequential', agents: [agents[state.mover]!], round: state.round };
    },
    observe(state, _agent) {
      return { round: state.round, picksThisRound: { ...state.picks }, history: state.history.map((h) => ({ ...h })) };
    },
    actionSchema: () => z.number().int().min(0).max(max),
    legality: (_s, _a, action) => (options.oddOnly && action % 2 === 0 ? `${action} is even; only odd numbers are allowed` : undefined),
    defaultAction: () => (options.oddOnly ? 1 : 0),
    apply(state, actions, rng): ApplyResult<PickState> {
      const picks = { ...state.picks };
      for (const [id, a] of actions) picks[id] = a;
      const done = Object.keys(picks).length === agents.length;
      const scores = { ...state.scores };
      const outcomes: ApplyResult<PickState>['outcomes'] = [];
      if (done) {
        const total = Object.values(picks).reduce((a, b) => a + b, 0);
        for (const id of agents) {
          const value = total - picks[id]!;
          scores[id] = (scores[id] ?? 0) + value;
          outcomes.push({ type: 'payoff', agent: id, value });
        }
      }
      return {
        state: {
          ...state,
          round: done ? state.round + 1 : state.round,
          mover: done ? 0 : state.mover + 1,
          picks: done ? {} : picks,
          history: done ? [...state.history, picks] : state.history,
          scores,
          noise: [...state.noise, rng.int(0, 1000)],
        },
        outcomes,
      };
    },
    isOver: (state) => state.round >= state.rounds,
    payoffs: (state) => ({ ...state.scores }),
    metrics: (state) => ({ rounds: state.history.length, meanPick: mean(state.history.flatMap((h) => Object.values(h))) }),
  };
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
