// The donor game with cultural evolution (Vallinder & Hughes, arXiv 2412.10270; spec §3) as a pure Game.
// A generation = a `strategy` phase for agents without one, then two games of n donation rounds each.
import { ConfigError } from '../../core/errors/config-error.js';
import type { AgentId, Game, Phase } from '../game.js';
import { parseGameParams } from '../parse-game-params.js';
import { advanceDonation, applyDonations } from './donation-step.js';
import { donorParamsSchema, type DonorParamsInput } from './params.js';
import { donateActionSchema, generationScore, rulesOf, strategyActionSchema } from './rules.js';
import { donorSchedule } from './schedule.js';
import { traceChain, traceText } from './trace.js';
import type { DonorAction, DonorObservation, DonorState } from './types.js';

export const donorGameMetadata = {
  name: 'donor-game',
  version: '1',
  description: 'Donor game with indirect reciprocity traces, optional costly punishment/refusal, and cultural evolution across generations',
  source: 'Vallinder & Hughes, arXiv 2412.10270; aronvallinder/llm-donor-game@c53df2734544; spec §3',
};

export type DonorGame = Game<DonorState, DonorAction, DonorObservation>;

/** Build the game; throws a ConfigError naming `params.<path>` or `agents` for invalid input. */
export function createDonorGame(input: DonorParamsInput | undefined, agents: readonly AgentId[]): DonorGame {
  const params = parseGameParams(donorParamsSchema, input);
  if (agents.length !== params.agents) throw ConfigError.at('agents', `the donor game expects ${params.agents} agents (params.agents), got ${agents.length}`);
  if (new Set(agents).size !== agents.length) throw ConfigError.at('agents', 'agent ids must be unique');

  const currentPairs = (state: DonorState) => donorSchedule(state.population.length, state.game === 1)[state.round] ?? [];

  return {
    metadata: donorGameMetadata,
    agents,
    init: () => ({
      params,
      generation: 0,
      stage: 'strategy',
      game: 0,
      round: 0,
      turn: 0,
      population: agents.map((id) => ({ id, born: 0, strategy: null, resources: params.endowment, finals: [], reputation: null })),
      history: [],
      inherited: [],
      summaries: [],
      scores: {},
    }),
    phase(state): Phase | null {
      if (state.stage === 'over') return null;
      if (state.stage === 'strategy') {
        return { kind: 'simultaneous', agents: state.population.filter((a) => a.strategy === null).map((a) => a.id), round: state.turn, label: 'strategy' };
      }
      const donors = currentPairs(state).map((p) => (state.population[p.donor] as { id: AgentId }).id);
      return { kind: 'simultaneous', agents: donors, round: state.turn, label: 'donate' };
    },
    observe(state, agent): DonorObservation {
      const self = state.population.find((a) => a.id === agent);
      const generation = state.generation + 1;
      if (!self) return { kind: 'idle', name: agent, generation, resources: 0 };
      if (state.stage === 'strategy' && self.strategy === null) {
        return { kind: 'strategy', name: agent, generation, rules: rulesOf(params), inherited: state.inherited };
      }
      const pair = state.stage === 'donate' ? currentPairs(state).find((p) => state.population[p.donor]?.id === agent) : undefined;
      if (!pair) return { kind: 'idle', name: agent, generation, resources: self.resources };
      const recipient = state.population[pair.recipient] as { id: AgentId; resources: number };
      const trace = traceChain(state.history, recipient.id, state.turn, params.traceDepth);
      return {
        kind: 'donate',
        name: agent,
        generation,
        round: state.round + 1,
        game: state.game + 1,
        strategy: self.strategy ?? '',
        resources: self.resources,
        recipient: recipient.id,
        recipientResources: recipient.resources,
        trace,
        traceText: traceText(trace, recipient.id, params.punishmentLoss),
        rules: rulesOf(params),
      };
    },
    actionSchema: (state) => (state.stage === 'strategy' ? strategyActionSchema : donateActionSchema(params)),
    legality(state, agent, action) {
      if (action.kind !== 'donate' && action.kind !== 'punish') return undefined;
      const self = state.population.find((a) => a.id === agent);
      if (self && action.amount > self.resources + 1e-9) return `cannot ${action.kind} ${action.amount}: you hold ${self.resources} units`;
      return undefined;
    },
    defaultAction: (state) =>
      state.stage === 'strategy' ? { kind: 'strategy', strategy: 'No strategy was given.' } : { kind: 'donate', amount: 0 },
    apply(state, actions) {
      if (state.stage === 'strategy') {
        const population = state.population.map((a) => {
          const action = actions.get(a.id);
          return a.strategy === null && action?.kind === 'strategy' ? { ...a, strategy: action.strategy } : a;
        });
        const outcomes = population
          .filter((a, i) => state.population[i]?.strategy === null)
          .map((a) => ({ type: 'event' as const, name: 'strategy', agent: a.id, data: { strategy: a.strategy, generation: state.generation + 1 } }));
        return { state: { ...state, population, stage: 'donate', turn: state.turn + 1 }, outcomes };
      }
      if (state.stage === 'over') return { state, outcomes: [] };
      const stepped = applyDonations(state, currentPairs(state), actions);
      return advanceDonation(stepped.state, stepped.outcomes);
    },
    isOver: (state) => state.stage === 'over',
    payoffs(state) {
      const out: Record<AgentId, number> = { ...state.scores };
      if (state.stage === 'over') return out;
      for (const a of state.population) {
        const banked = { ...a, finals: state.stage === 'donate' ? [...a.finals, a.resources] : a.finals };
        out[a.id] = generationScore(banked, params.score);
      }
      return out;
    },
    metrics(state) {
      const last = state.summaries[state.summaries.length - 1];
      const out: Record<string, number> = { 'generations-completed': state.summaries.length };
      if (!last) return out;
      out['average-final-resources'] = last.averageFinalResources;
      out['average-donation-fraction'] = last.averageDonationFraction;
      out.punishments = state.summaries.reduce((s, g) => s + g.punishments, 0);
      out.refusals = state.summaries.reduce((s, g) => s + g.refusals, 0);
      out.gini = last.gini;
      for (const g of state.summaries) out[`gen${g.generation}.average-final-resources`] = g.averageFinalResources;
      return out;
    },
  };
}
