// How configs create an economy. Seats: in `planner` mode the first agent is the planner and the rest are
// workers; in `democratic` mode every agent is a worker (and candidate and voter).
import { z } from 'zod';
import type { GameDefinition, Strategy } from '../definition.js';
import { EconomistGame } from './economist-game.js';
import { holdPlanner, rationalWorker, saezPlanner, uniformPlanner, usFederalPlanner } from './economist-strategies.js';
import { SAEZ_ELASTICITIES } from './saez.js';
import { BRACKETS } from './tax-schedule.js';
import { LABOR_COST } from './welfare.js';

export const economistParamsSchema = z
  .object({
    mode: z.enum(['planner', 'democratic']).default('planner'),
    /** `flat`, `three`, `us-fed`, or explicit edges in dollars (increasing, starting at 0). */
    brackets: z.union([z.enum(['flat', 'three', 'us-fed']), z.array(z.number().nonnegative()).min(2)]).default('three'),
    /** Skill distribution (`us-income`: GB2 fit / 40; `uniform`: U(1.24, 159.1)) or explicit skills per worker. */
    skills: z.union([z.enum(['us-income', 'uniform']), z.array(z.number().nonnegative())]).default('us-income'),
    /** Worker steps. */
    steps: z.number().int().min(1).default(1000),
    /** Steps per tax year (planner period). */
    plannerPeriod: z.number().int().min(1).default(25),
    warmup: z.number().int().min(0).default(0),
    historyWindow: z.number().int().min(1).default(50),
    swf: z.enum(['inverse-income', 'utilitarian']).default('inverse-income'),
    /** Starting rates in percent (default 50 per bracket). */
    initialRates: z.array(z.number().min(0).max(100)).optional(),
    laborCost: z.object({ c: z.number().nonnegative(), delta: z.number().positive() }).strict().default({ ...LABOR_COST }),
  })
  .strict()
  .refine((p) => typeof p.brackets === 'string' || p.brackets.every((b, i, a) => i === 0 || b > (a[i - 1] as number)), {
    message: 'bracket edges must increase',
    path: ['brackets'],
  });

export type EconomistParams = z.infer<typeof economistParamsSchema>;

export function createEconomist(params: EconomistParams, agents: readonly string[]): EconomistGame {
  return new EconomistGame(
    {
      mode: params.mode,
      brackets: typeof params.brackets === 'string' ? BRACKETS[params.brackets] : params.brackets,
      skills: params.skills,
      steps: params.steps,
      plannerPeriod: params.plannerPeriod,
      warmup: params.warmup,
      historyWindow: params.historyWindow,
      swf: params.swf,
      initialRates: params.initialRates,
      laborCost: params.laborCost,
    },
    agents,
  );
}

export const economistDefinition: GameDefinition<EconomistParams> = {
  metadata: createEconomist(economistParamsSchema.parse({}), ['planner', 'worker']).metadata,
  params: economistParamsSchema,
  agentCount(params) {
    const workers = Array.isArray(params.skills) ? params.skills.length : undefined;
    const extra = params.mode === 'planner' ? 1 : 0;
    return workers === undefined ? { min: 1 + extra, max: 100_000 } : { min: workers + extra, max: workers + extra };
  },
  create: createEconomist,
  roleFor(params, seat) {
    return params.mode === 'planner' && seat === 0 ? 'planner' : 'worker';
  },
  strategies: {
    'rational-worker': rationalWorker() as Strategy,
    'us-federal-planner': usFederalPlanner as Strategy,
    'uniform-planner': uniformPlanner as Strategy,
    'saez-planner': saezPlanner() as Strategy,
    'saez-flat-planner': saezPlanner(SAEZ_ELASTICITIES['saez-flat']) as Strategy,
    'saez-three-planner': saezPlanner(SAEZ_ELASTICITIES['saez-three']) as Strategy,
    'hold-planner': holdPlanner as Strategy,
  },
};
