// The repeated linear public goods game as a pure Game: every round each agent privately chooses x ∈ [0, e].
import { z } from 'zod';
import { ConfigError } from '../../core/errors/config-error.js';
import type { AgentId, Game } from '../game.js';
import { cooperationRate } from '../metrics/cooperation-rate.js';
import { giniShifted } from '../metrics/gini.js';
import { mean } from '../metrics/mean.js';
import { parseGameParams } from '../parse-game-params.js';
import { linearPublicGoodsParamsSchema, type LinearPublicGoodsParams, type LinearPublicGoodsParamsInput } from './linear-params.js';
import { linearPublicGoodsPayoffs, mpcr } from './linear-payoff.js';

export interface LinearPublicGoodsState {
  params: LinearPublicGoodsParams;
  round: number;
  /** contributions[round][seat]. */
  contributions: number[][];
  /** Cumulative payoff per seat. */
  totals: number[];
}

export interface LinearPublicGoodsObservation {
  kind: 'contribute';
  name: AgentId;
  /** 1-based. */
  round: number;
  rounds: number;
  agents: number;
  endowment: number;
  multiplier: number;
  mpcr: number;
  /** Recent rounds, oldest first: your contribution, the group total, your payoff. */
  history: Array<{ round: number; own: number; groupTotal: number; payoff: number }>;
  totalPayoff: number;
}

export interface LinearPublicGoodsAction {
  contribution: number;
}

export const linearPublicGoodsMetadata = {
  name: 'public-goods',
  version: '1',
  description: 'Repeated linear public goods game: payoff_i = e − x_i + (m/N)·Σx_j',
  source: 'Classic linear VCM (Isaac & Walker 1988); spec §4 reference form',
};

export function createLinearPublicGoodsGame(
  input: LinearPublicGoodsParamsInput | undefined,
  agents: readonly AgentId[],
): Game<LinearPublicGoodsState, LinearPublicGoodsAction, LinearPublicGoodsObservation> {
  const params = parseGameParams(linearPublicGoodsParamsSchema, input);
  if (agents.length !== params.agents) throw ConfigError.at('agents', `the public goods game expects ${params.agents} agents (params.agents), got ${agents.length}`);
  const seat = (agent: AgentId) => agents.indexOf(agent);
  const schema = z.object({ contribution: z.number().min(0).max(params.endowment) });
  return {
    metadata: linearPublicGoodsMetadata,
    agents,
    init: () => ({ params, round: 0, contributions: [], totals: agents.map(() => 0) }),
    phase: (state) => (state.round >= params.rounds ? null : { kind: 'simultaneous', agents: [...agents], round: state.round, label: 'contribute' }),
    observe(state, agent) {
      const i = seat(agent);
      const from = Math.max(0, state.round - params.historyShown);
      const history = state.contributions.slice(from).map((xs, k) => ({
        round: from + k + 1,
        own: xs[i] ?? 0,
        groupTotal: xs.reduce((a, b) => a + b, 0),
        payoff: linearPublicGoodsPayoffs(params.endowment, params.multiplier, xs)[i] ?? 0,
      }));
      return {
        kind: 'contribute', name: agent, round: state.round + 1, rounds: params.rounds, agents: params.agents,
        endowment: params.endowment, multiplier: params.multiplier, mpcr: mpcr(params.multiplier, params.agents),
        history, totalPayoff: state.totals[i] ?? 0,
      };
    },
    actionSchema: () => schema,
    defaultAction: () => ({ contribution: 0 }),
    apply(state, actions) {
      const xs = agents.map((a) => Math.min(params.endowment, Math.max(0, actions.get(a)?.contribution ?? 0)));
      const payoffs = linearPublicGoodsPayoffs(params.endowment, params.multiplier, xs);
      return {
        state: { ...state, round: state.round + 1, contributions: [...state.contributions, xs], totals: state.totals.map((t, i) => t + (payoffs[i] ?? 0)) },
        outcomes: [
          ...agents.map((agent, i) => ({ type: 'payoff' as const, agent, value: payoffs[i] ?? 0, detail: { contribution: xs[i] } })),
          { type: 'metric' as const, name: 'contribution-fraction', value: mean(xs) / params.endowment },
        ],
      };
    },
    isOver: (state) => state.round >= params.rounds,
    payoffs: (state) => Object.fromEntries(agents.map((a, i) => [a, state.totals[i] ?? 0])),
    metrics(state) {
      const all = state.contributions.flat();
      const last = state.contributions[state.contributions.length - 1] ?? [];
      const welfare = state.totals.reduce((a, b) => a + b, 0);
      const optimum = state.round * params.agents * params.endowment * Math.max(1, params.multiplier);
      return {
        mpcr: mpcr(params.multiplier, params.agents),
        'contribution-fraction': mean(all) / params.endowment,
        'last-round-contribution-fraction': mean(last) / params.endowment,
        // A decision counts as cooperative when it gives at least half the endowment.
        'cooperation-rate': cooperationRate(all.map((x) => x >= params.endowment / 2)),
        welfare,
        // Welfare as a share of the social optimum (everyone contributes e when m > 1).
        efficiency: optimum > 0 ? welfare / optimum : 0,
        gini: giniShifted(state.totals),
      };
    },
  };
}
