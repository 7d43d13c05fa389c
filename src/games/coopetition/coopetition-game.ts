// The repeated coopetition game (spec §16) as a pure Game: each round every agent privately chooses an
// investment a_i ∈ [0, e_i]; the round pays π_i (rewardMode 'private') or U_i ('integrated').
import { z } from 'zod';
import { ConfigError } from '../../core/errors/config-error.js';
import type { AgentId, Game } from '../game.js';
import { giniShifted } from '../metrics/gini.js';
import { mean } from '../metrics/mean.js';
import { parseGameParams } from '../parse-game-params.js';
import { coopetitionModel, coopetitionParamsSchema, type CoopetitionModel, type CoopetitionParams, type CoopetitionParamsInput } from './params.js';
import { integratedUtilities, privatePayoffs, totalValue } from './value.js';

export interface CoopetitionState {
  params: CoopetitionParams;
  round: number;
  /** investments[round][seat]. */
  investments: number[][];
  /** Cumulative reward per seat (π or U per `rewardMode`). */
  totals: number[];
  /** Cumulative private payoff per seat (for welfare and Gini whatever the reward mode). */
  privateTotals: number[];
}

export interface CoopetitionObservation {
  kind: 'invest';
  name: AgentId;
  seat: number;
  round: number;
  rounds: number;
  endowment: number;
  model: CoopetitionModel;
  rewardMode: CoopetitionParams['rewardMode'];
  /** Past rounds, oldest first: everyone's investments (public) and your reward. */
  history: Array<{ round: number; investments: number[]; reward: number }>;
  totalReward: number;
}

export interface CoopetitionAction {
  investment: number;
}

export const coopetitionMetadata = {
  name: 'coopetition',
  version: '1',
  description: 'Repeated coopetition: private value of investment plus a shared synergy (geometric mean), with interdependence and trust',
  source: 'Pant & Yu, Coopetition-Gym; vikpant/strategic-coopetition@d2dffd51032c; spec §16',
};

export function roundRewards(investments: readonly number[], m: CoopetitionModel, mode: CoopetitionParams['rewardMode']): { rewards: number[]; payoffs: number[] } {
  const payoffs = privatePayoffs(investments, m);
  return { payoffs, rewards: mode === 'integrated' ? integratedUtilities(payoffs, m) : payoffs };
}

export function createCoopetitionGame(input: CoopetitionParamsInput | undefined, agents: readonly AgentId[]): Game<CoopetitionState, CoopetitionAction, CoopetitionObservation> {
  const params = parseGameParams(coopetitionParamsSchema, input);
  if (agents.length !== params.agents) throw ConfigError.at('agents', `the coopetition game expects ${params.agents} agents (params.agents), got ${agents.length}`);
  const m = coopetitionModel(params);
  const seat = (agent: AgentId) => agents.indexOf(agent);
  return {
    metadata: coopetitionMetadata,
    agents,
    init: () => ({ params, round: 0, investments: [], totals: agents.map(() => 0), privateTotals: agents.map(() => 0) }),
    phase: (state) => (state.round >= params.rounds ? null : { kind: 'simultaneous', agents: [...agents], round: state.round, label: 'invest' }),
    observe(state, agent) {
      const i = seat(agent);
      return {
        kind: 'invest', name: agent, seat: i, round: state.round + 1, rounds: params.rounds, endowment: m.endowments[i] ?? 0, model: m,
        rewardMode: params.rewardMode,
        history: state.investments.map((xs, r) => ({ round: r + 1, investments: xs, reward: roundRewards(xs, m, params.rewardMode).rewards[i] ?? 0 })),
        totalReward: state.totals[i] ?? 0,
      };
    },
    actionSchema: (_state, agent) => z.object({ investment: z.number().min(0).max(m.endowments[seat(agent)] ?? 0) }),
    defaultAction: () => ({ investment: 0 }),
    apply(state, actions) {
      const xs = agents.map((a, i) => Math.min(m.endowments[i] as number, Math.max(0, actions.get(a)?.investment ?? 0)));
      const { rewards, payoffs } = roundRewards(xs, m, params.rewardMode);
      return {
        state: {
          ...state,
          round: state.round + 1,
          investments: [...state.investments, xs],
          totals: state.totals.map((t, i) => t + (rewards[i] as number)),
          privateTotals: state.privateTotals.map((t, i) => t + (payoffs[i] as number)),
        },
        outcomes: [
          ...agents.map((agent, i) => ({ type: 'payoff' as const, agent, value: rewards[i] as number, detail: { investment: xs[i], private: payoffs[i] } })),
          { type: 'metric' as const, name: 'total-value', value: totalValue(xs, m) },
        ],
      };
    },
    isOver: (state) => state.round >= params.rounds,
    payoffs: (state) => Object.fromEntries(agents.map((a, i) => [a, state.totals[i] ?? 0])),
    metrics(state) {
      const last = state.investments[state.investments.length - 1] ?? [];
      return {
        'mean-investment': mean(state.investments.flat()),
        'mean-investment-share': mean(state.investments.flatMap((xs) => xs.map((x, i) => x / (m.endowments[i] as number)))),
        'last-total-value': last.length ? totalValue(last, m) : 0,
        'mean-total-value': mean(state.investments.map((xs) => totalValue(xs, m))),
        welfare: state.privateTotals.reduce((a, b) => a + b, 0),
        gini: giniShifted(state.privateTotals),
      };
    },
  };
}
