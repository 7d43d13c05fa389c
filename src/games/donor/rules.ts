// Small pure helpers shared by the donor game's phases.
import { z } from 'zod';
import type { DonorParams } from './params.js';
import type { DonorAction, DonorAgentState, DonorRules } from './types.js';

export function rulesOf(params: DonorParams): DonorRules {
  return {
    agents: params.agents,
    endowment: params.endowment,
    multiplier: params.multiplier,
    punishment: params.punishment,
    punishmentLoss: params.punishmentLoss,
    refusal: params.refusal,
    traceDepth: params.traceDepth,
    generations: params.generations,
  };
}

export const strategyActionSchema = z.object({ kind: z.literal('strategy'), strategy: z.string().min(1) });

/** The donor's choices: always "donate x"; "punish x" and "refuse" only in their variants. */
export function donateActionSchema(params: DonorParams): z.ZodType<DonorAction> {
  const options: z.ZodObject[] = [z.object({ kind: z.literal('donate'), amount: z.number().min(0) })];
  if (params.punishment) options.push(z.object({ kind: z.literal('punish'), amount: z.number().min(0) }));
  if (params.refusal) options.push(z.object({ kind: z.literal('refuse') }));
  return z.discriminatedUnion('kind', options as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<DonorAction>;
}

/** The generation score used for selection (see `DonorParams.score`). */
export function generationScore(agent: DonorAgentState, score: DonorParams['score']): number {
  const [first = 0, second = 0] = agent.finals;
  return score === 'double-last-game' ? 2 * second : first + second;
}

/**
 * Top-half selection ("top"): rank by score, highest first; ties keep seat order (a stable sort, as
 * Python's `sorted` in the source). Returns the surviving and the removed agents.
 */
export function selectTopHalf(population: readonly DonorAgentState[], scores: Readonly<Record<string, number>>): {
  survivors: DonorAgentState[];
  removed: DonorAgentState[];
} {
  const ranked = population
    .map((agent, seat) => ({ agent, seat }))
    .sort((a, b) => (scores[b.agent.id] ?? 0) - (scores[a.agent.id] ?? 0) || a.seat - b.seat);
  const keep = Math.floor(population.length / 2);
  return { survivors: ranked.slice(0, keep).map((r) => r.agent), removed: ranked.slice(keep).map((r) => r.agent) };
}
