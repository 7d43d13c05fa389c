// Steered sequential social learning (spec §15) as a pure Game. Per episode: a hidden state; a planner step
// fixes the precision of the next block of learners' signals (cost κ·bits, within the transparency
// constraints); then each learner acts once, seeing only its own signal and the public list of earlier
// actions (never another signal, never the state). No cherry-picking is structural: the planner never
// observes the state or a signal, and commits to precisions before the signals are drawn.
import { z } from 'zod';
import { ConfigError } from '../../core/errors/config-error.js';
import type { Rng } from '../../core/rng.js';
import type { AgentId, Game, Outcome, Phase } from '../game.js';
import { parseGameParams } from '../parse-game-params.js';
import { episodeResult, knownPrecision, plannerObjectives, signalFor, startEpisode } from './episode.js';
import { socialLearningMetrics } from './metrics.js';
import { plannerPeriod, precisionBounds, socialLearningParamsSchema, type SocialLearningParams, type SocialLearningParamsInput } from './params.js';
import type {
  Choice, LearnerAction, LearnerObservation, PlannerAction, PlannerObservation, SocialLearningAction, SocialLearningObservation, SocialLearningState,
} from './types.js';

export const socialLearningMetadata = {
  name: 'social-learning',
  version: '1',
  description: 'Steered sequential social learning: a planner buys signal precision, Bayesian or LLM learners act in turn on a private signal and the public actions; information cascades',
  source: 'Bikhchandani, Hirshleifer & Welch, JPE 100(5) 1992 (baseline); spec §15 "Steering the Herd" (planner, costs and constraints are our reading)',
};

const choiceSchema = z.object({ choice: z.enum(['A', 'B']) });

export type SocialLearningGame = Game<SocialLearningState, SocialLearningAction, SocialLearningObservation>;

export function createSocialLearningGame(input: SocialLearningParamsInput | undefined, agents: readonly AgentId[]): SocialLearningGame {
  const params = parseGameParams(socialLearningParamsSchema, input);
  const offset = params.planner === 'seat' ? 1 : 0;
  if (agents.length !== params.learners + offset) {
    throw ConfigError.at('agents', `the social-learning game expects ${params.learners + offset} agents (${offset ? 'a planner, then ' : ''}params.learners = ${params.learners} learners), got ${agents.length}`);
  }
  const planner = offset ? (agents[0] as AgentId) : undefined;
  const learners = agents.slice(offset);
  const bounds = precisionBounds(params);
  const period = plannerPeriod(params);
  const blockSize = (state: SocialLearningState) => Math.min(period, params.learners - state.precisions.length);
  const plannerSchema = (count: number): z.ZodType<PlannerAction> =>
    params.parity
      ? z.object({ precision: z.number().min(bounds.min).max(bounds.max) })
      : z.object({ precisions: z.array(z.number().min(bounds.min).max(bounds.max)).length(count) });

  function learnerObservation(state: SocialLearningState, agent: AgentId, index: number): LearnerObservation {
    const signal = state.signals[index];
    if (signal === undefined) throw new Error(`learner ${agent} has no signal yet: observe it on its own turn`);
    return {
      kind: 'act', name: agent, episode: state.episode + 1, episodes: params.episodes, position: index + 1, learners: params.learners,
      prior: params.prior, signal, precision: knownPrecision(params, state.precisions[index] as number), tieRule: params.tieRule,
      history: state.actions.map((choice, j) => ({ position: j + 1, agent: learners[j] as AgentId, choice, precision: knownPrecision(params, state.precisions[j] as number) })),
    };
  }

  function plannerObservation(state: SocialLearningState, agent: AgentId): PlannerObservation {
    return {
      kind: 'plan', name: agent, episode: state.episode + 1, episodes: params.episodes, first: state.precisions.length + 1, count: blockSize(state),
      learners: params.learners, prior: params.prior, announcedPrecision: params.precision, minPrecision: bounds.min, maxPrecision: bounds.max,
      parity: params.parity, disclosed: params.disclosed, costPerBit: params.costPerBit, objective: params.objective,
      preferredAction: params.preferredAction, tieRule: params.tieRule, history: [...state.actions], precisions: [...state.precisions],
    };
  }

  function applyPlan(state: SocialLearningState, action: PlannerAction): SocialLearningState {
    const count = blockSize(state);
    const raw = 'precision' in action ? Array.from({ length: count }, () => action.precision) : action.precisions.slice(0, count);
    const chosen = raw.map((q) => Math.min(bounds.max, Math.max(bounds.min, q)));
    const first = state.precisions.length;
    const signals = chosen.map((q, i) => signalFor(state.truth, state.draws[first + i] as number, q));
    return { ...state, precisions: [...state.precisions, ...chosen], signals: [...state.signals, ...signals], plannerSteps: state.plannerSteps + 1 };
  }

  function closeEpisode(state: SocialLearningState, rng: Rng): { state: SocialLearningState; outcomes: Outcome[] } {
    const result = episodeResult(state);
    const totals = { ...state.totals };
    const outcomes: Outcome[] = [];
    learners.forEach((id, t) => {
      const value = result.actions[t] === result.truth ? 1 : 0;
      totals[id] = (totals[id] ?? 0) + value;
      outcomes.push({ type: 'payoff', agent: id, value, detail: { episode: state.episode + 1 } });
    });
    const objectives = plannerObjectives(result, params.preferredAction);
    if (planner) {
      const value = objectives[params.objective];
      totals[planner] = (totals[planner] ?? 0) + value;
      outcomes.push({ type: 'payoff', agent: planner, value, detail: { episode: state.episode + 1, cost: result.cost } });
    }
    // The reveal goes to the trace only (outcome events are not shown to agents).
    outcomes.push({ type: 'event', name: 'episode-end', data: { episode: state.episode + 1, truth: result.truth, signals: result.signals, precisions: result.precisions, cascade: result.cascade } });
    outcomes.push({ type: 'metric', name: 'correct-action-rate', value: result.actions.filter((a) => a === result.truth).length / result.actions.length });
    outcomes.push({ type: 'metric', name: 'planner-cost', value: result.cost });
    const episode = state.episode + 1;
    const next = episode < params.episodes ? startEpisode(params, rng) : { truth: state.truth, draws: [], precisions: [], signals: [], actions: [], plannerSteps: 0 };
    return { state: { ...state, ...next, episode, results: [...state.results, result], totals }, outcomes };
  }

  function phaseOf(state: SocialLearningState): Phase | null {
    if (state.episode >= params.episodes) return null;
    const t = state.actions.length;
    const round = state.episode * params.learners + t;
    if (t < state.precisions.length) return { kind: 'sequential', agents: [learners[t] as AgentId], round, label: 'act' };
    return { kind: 'planner-step', agents: [planner as AgentId], round, label: 'plan' };
  }

  function defaultFor(state: SocialLearningState, agent: AgentId): SocialLearningAction {
    if (agent === planner) return params.parity ? { precision: params.precision } : { precisions: Array.from({ length: blockSize(state) }, () => params.precision) };
    // A learner whose answer stays invalid follows its own signal (no herding by default).
    return { choice: state.signals[learners.indexOf(agent)] ?? 'A' };
  }

  return {
    metadata: socialLearningMetadata,
    agents,
    init: (rng) => ({ params, episode: 0, ...startEpisode(params, rng), results: [], totals: Object.fromEntries(agents.map((a) => [a, 0])) }),
    phase: phaseOf,
    observe(state, agent) {
      if (agent === planner) return plannerObservation(state, agent);
      const index = learners.indexOf(agent);
      if (index < 0) throw new Error(`unknown agent ${agent} in the social-learning game`);
      return learnerObservation(state, agent, index);
    },
    actionSchema: (state, agent) => (agent === planner ? plannerSchema(blockSize(state)) : choiceSchema) as z.ZodType<SocialLearningAction>,
    defaultAction: defaultFor,
    apply(state, actions, rng) {
      const phase = phaseOf(state);
      if (!phase) return { state, outcomes: [] };
      const agent = phase.agents[0] as AgentId;
      const action = actions.get(agent) ?? defaultFor(state, agent);
      if (phase.kind === 'planner-step') {
        const next = applyPlan(state, action as PlannerAction);
        const first = state.precisions.length + 1;
        return { state: next, outcomes: [{ type: 'event', name: 'information-structure', agent, data: { episode: state.episode + 1, first, precisions: next.precisions.slice(first - 1) } }] };
      }
      const choice: Choice = (action as LearnerAction).choice;
      const acted = { ...state, actions: [...state.actions, choice] };
      if (acted.actions.length < params.learners) return { state: acted, outcomes: [] };
      return closeEpisode(acted, rng);
    },
    isOver: (state) => state.episode >= params.episodes,
    payoffs: (state) => ({ ...state.totals }),
    metrics: (state) => socialLearningMetrics(params, state.results),
  };
}
