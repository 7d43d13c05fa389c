// The sequential public goods game (MAC-SPGG style, spec §4) as a pure Game: agents move in seat order,
// each seeing its predecessors (all of them, or only agent i−1 under partial observation), and choose a
// contribution quality c_i ∈ [c_min, c_max] with an optional text contribution passed down the line.
// In MAC-SPGG an evaluator scores the text; here the quality is the action itself, so a caller that
// wants an evaluator maps its score to the quality before the action reaches the game.
import { z } from 'zod';
import { ConfigError } from '../../core/errors/config-error.js';
import type { AgentId, Game } from '../game.js';
import { mean } from '../metrics/mean.js';
import { parseGameParams } from '../parse-game-params.js';
import { sequentialPublicGoodsParamsSchema, type SequentialPublicGoodsParams, type SequentialPublicGoodsParamsInput } from './sequential-params.js';
import { sequentialRewards, taskScore } from './sequential-reward.js';

export interface Contribution {
  agent: AgentId;
  quality: number;
  text?: string;
}

export interface SequentialPublicGoodsState {
  params: SequentialPublicGoodsParams;
  /** 0-based episode. */
  round: number;
  /** Contributions of the episode in progress, in move order. */
  current: Contribution[];
  /** Finished episodes: qualities in move order. */
  episodes: number[][];
  totals: number[];
}

export interface SequentialPublicGoodsObservation {
  kind: 'contribute';
  name: AgentId;
  round: number;
  /** 1-based position in the order. */
  position: number;
  params: SequentialPublicGoodsParams;
  /** What this agent may see of its predecessors (only i−1 under partial observation). */
  predecessors: Contribution[];
}

export interface SequentialPublicGoodsAction {
  quality: number;
  text?: string;
}

export const sequentialPublicGoodsMetadata = {
  name: 'sequential-public-goods',
  version: '1',
  description: 'Sequential public goods game (MAC-SPGG style): ordered contributions, full or partial observation, synergy bonus, shared score and threshold penalty',
  source: 'Liang et al., arXiv 2508.02076; YunhaoLiang/MAC-SPGG@fba34792cbc3; spec §4 (reward form UNVERIFIED)',
};

export function createSequentialPublicGoodsGame(
  input: SequentialPublicGoodsParamsInput | undefined,
  agents: readonly AgentId[],
): Game<SequentialPublicGoodsState, SequentialPublicGoodsAction, SequentialPublicGoodsObservation> {
  const params = parseGameParams(sequentialPublicGoodsParamsSchema, input);
  if (agents.length !== params.agents) throw ConfigError.at('agents', `the sequential public goods game expects ${params.agents} agents (params.agents), got ${agents.length}`);
  const schema = z.object({ quality: z.number().min(params.cMin).max(params.cMax), text: z.string().max(20_000).optional() });
  return {
    metadata: sequentialPublicGoodsMetadata,
    agents,
    init: () => ({ params, round: 0, current: [], episodes: [], totals: agents.map(() => 0) }),
    phase: (state) =>
      state.round >= params.rounds
        ? null
        : { kind: 'sequential', agents: [agents[state.current.length] as AgentId], round: state.round * params.agents + state.current.length, label: 'contribute' },
    observe(state, agent) {
      const position = agents.indexOf(agent) + 1;
      const seen = state.current.slice(0, position - 1);
      return {
        kind: 'contribute', name: agent, round: state.round + 1, position, params,
        predecessors: params.observation === 'full' ? seen : seen.slice(-1),
      };
    },
    actionSchema: () => schema,
    defaultAction: () => ({ quality: params.cMin }),
    apply(state, actions) {
      const agent = agents[state.current.length] as AgentId;
      const action = actions.get(agent) ?? { quality: params.cMin };
      const quality = Math.min(params.cMax, Math.max(params.cMin, action.quality));
      const current = [...state.current, action.text === undefined ? { agent, quality } : { agent, quality, text: action.text }];
      if (current.length < params.agents) return { state: { ...state, current }, outcomes: [] };
      const qualities = current.map((c) => c.quality);
      const rewards = sequentialRewards(qualities, params);
      const score = taskScore(qualities, params.taskScore);
      return {
        state: { ...state, round: state.round + 1, current: [], episodes: [...state.episodes, qualities], totals: state.totals.map((t, i) => t + (rewards[i] ?? 0)) },
        outcomes: [
          ...agents.map((a, i) => ({ type: 'payoff' as const, agent: a, value: rewards[i] ?? 0, detail: { quality: qualities[i] } })),
          { type: 'metric' as const, name: 'task-score', value: score },
          { type: 'metric' as const, name: 'penalised', value: score < params.threshold - 1e-9 ? 1 : 0 },
        ],
      };
    },
    isOver: (state) => state.round >= params.rounds,
    payoffs: (state) => Object.fromEntries(agents.map((a, i) => [a, state.totals[i] ?? 0])),
    metrics(state) {
      const scores = state.episodes.map((q) => taskScore(q, params.taskScore));
      return {
        'mean-quality': mean(state.episodes.flat()),
        'task-score': mean(scores),
        'penalty-rate': mean(scores.map((s) => (s < params.threshold - 1e-9 ? 1 : 0))),
        'full-contribution-rate': mean(state.episodes.flat().map((c) => (c >= params.cMax - 1e-9 ? 1 : 0))),
        welfare: state.totals.reduce((a, b) => a + b, 0),
      };
    },
  };
}
