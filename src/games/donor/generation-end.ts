// End of a generation: score, summarise (metrics tagged with the generation), select the top half and,
// unless it was the last generation, ask the engine for newcomers who inherit the survivors' strategies.
import { gini } from '../metrics/gini.js';
import { mean } from '../metrics/mean.js';
import type { AgentId, ApplyResult, Outcome, PopulationChange } from '../game.js';
import { generationScore, selectTopHalf } from './rules.js';
import type { DonorAgentState, DonorState, GenerationSummary } from './types.js';

/** Id of the k-th (1-based) newcomer of 1-based generation g: `gen2-1`, `gen2-2`, ... */
export function newcomerId(generation: number, k: number): AgentId {
  return `gen${generation}-${k}`;
}

export function endGeneration(state: DonorState, outcomes: Outcome[]): ApplyResult<DonorState> {
  const { params } = state;
  const scores: Record<AgentId, number> = {};
  for (const a of state.population) scores[a.id] = generationScore(a, params.score);
  const played = state.history.filter((h) => h.generation === state.generation);
  const { survivors, removed } = selectTopHalf(state.population, scores);
  const summary: GenerationSummary = {
    generation: state.generation + 1,
    averageFinalResources: mean(state.population.flatMap((a) => a.finals)),
    averageDonationFraction: mean(played.map((h) => (h.kind === 'donate' && h.donorBefore > 0 ? h.amount / h.donorBefore : 0))),
    punishments: played.filter((h) => h.kind === 'punish').length,
    refusals: played.filter((h) => h.kind === 'refuse').length,
    gini: gini(Object.values(scores)),
    scores,
    survivors: survivors.map((a) => a.id),
  };
  const tag = `gen${summary.generation}`;
  const out: Outcome[] = [
    ...outcomes,
    { type: 'metric', name: `${tag}.average-final-resources`, value: summary.averageFinalResources },
    { type: 'metric', name: `${tag}.average-donation-fraction`, value: summary.averageDonationFraction },
    { type: 'metric', name: `${tag}.punishments`, value: summary.punishments },
    { type: 'metric', name: `${tag}.refusals`, value: summary.refusals },
    { type: 'metric', name: `${tag}.gini`, value: summary.gini },
    { type: 'event', name: 'generation-end', data: { ...summary } },
  ];
  const base = { ...state, summaries: [...state.summaries, summary], scores: { ...state.scores, ...scores } };
  if (state.generation + 1 >= params.generations) return { state: { ...base, stage: 'over' }, outcomes: out };

  const inherited = survivors.map((a) => ({ agent: a.id, strategy: a.strategy ?? '', score: scores[a.id] ?? 0 }));
  const born = state.generation + 1;
  const newcomers: DonorAgentState[] = removed.map((_, k) => ({
    id: newcomerId(born + 1, k + 1),
    born,
    strategy: null,
    resources: params.endowment,
    finals: [],
    reputation: null,
  }));
  // Survivors keep their strategy and reputation; they take the first half of the seats, newcomers the second.
  const population = [...survivors.map((a) => ({ ...a, resources: params.endowment, finals: [] })), ...newcomers];
  const change: PopulationChange = {
    remove: removed.map((a) => a.id),
    add: newcomers.map((a) => ({ id: a.id, inherit: { generation: born + 1, strategies: inherited } })),
  };
  return {
    state: { ...base, population, generation: born, stage: 'strategy', game: 0, round: 0, inherited },
    outcomes: out,
    population: change,
  };
}
