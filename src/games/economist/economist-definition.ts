// How configs create an economy. Seats: in `planner` mode the first agent is the planner and the rest are
// workers; in `democratic` mode every agent is a worker (and candidate and voter).
import { z } from 'zod';
import type { GameDefinition, Strategy } from '../definition.js';
import { EconomistGame } from './economist-game.js';
import { holdPlanner, rationalWorker, saezPlanner, uniformPlanner, usFederalPlanner } from './economist-strategies.js';
import { SAEZ_ELASTICITIES } from './saez.js';
import { BRACKETS } from './tax-schedule.js';
import { LABOR_COST } from './welfare.js';
import { UTILITY_TYPES, type UtilityType } from './utility-types.js';

export const economistParamsSchema = z
  .object({
    mode: z.enum(['planner', 'democratic']).default('planner'),
    /** `flat`, `three`, `us-fed`, or explicit edges in dollars (increasing, starting at 0). */
    brackets: z.union([z.enum(['flat', 'three', 'us-fed']), z.array(z.number().nonnegative()).min(2)]).default('three'),
    /**
     * Skill distribution (`us-income`: GB2 fit / 40; `us-income-stratified`: the same, at least `minPerBracket`
     * workers in every tax bracket; `uniform`: U(1.24, 159.1)) or explicit skills per worker.
     */
    skills: z.union([z.enum(['us-income', 'us-income-stratified', 'uniform']), z.array(z.number().nonnegative())]).default('us-income'),
    /** Workers guaranteed per tax bracket with `us-income-stratified` (lowered to ⌊N/K⌋ when N < K·min). @default 5 */
    minPerBracket: z.number().int().min(1).default(5),
    /**
     * Worker personas: `table` (occupation × sex × age from the reference's ACS-derived table), `fallback` (13 fixed
     * personas by share), `none`. Sampled with the run's rng. @default fallback
     */
    personas: z.enum(['table', 'fallback', 'none']).default('fallback'),
    /**
     * What workers maximise: one type for all, one per worker, or a mix in percent of the workers (summing to 100;
     * counts rounded as the reference, egotistical takes the rest, shuffled with the run's rng).
     * `egotistical` u = ũ; `altruistic` u = SWF; `adversarial` u = −SWF; `bounded` u = r·ũ, r = 1 (YES) or 0.5 (NO).
     * @default egotistical
     */
    utility: z
      .union([
        z.enum(UTILITY_TYPES),
        z.array(z.enum(UTILITY_TYPES)).min(1),
        z
          .object(Object.fromEntries(UTILITY_TYPES.map((t) => [t, z.number().min(0).max(100).optional()])) as Record<UtilityType, z.ZodOptional<z.ZodNumber>>)
          .strict()
          .refine((m) => Math.abs(Object.values(m).reduce((a: number, b) => a + (b ?? 0), 0) - 100) < 1e-9, { message: 'utility mix percentages must sum to 100' }),
      ])
      .default('egotistical'),
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
  })
  .refine((p) => !Array.isArray(p.skills) || !Array.isArray(p.utility) || p.skills.length === p.utility.length, {
    message: 'give one utility type per worker (as many as skills)',
    path: ['utility'],
  });

export type EconomistParams = z.infer<typeof economistParamsSchema>;

export function createEconomist(params: EconomistParams, agents: readonly string[]): EconomistGame {
  return new EconomistGame(
    {
      mode: params.mode,
      brackets: typeof params.brackets === 'string' ? BRACKETS[params.brackets] : params.brackets,
      skills: params.skills,
      minPerBracket: params.minPerBracket,
      personas: params.personas,
      utility: params.utility,
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
    const workers = Array.isArray(params.skills) ? params.skills.length : Array.isArray(params.utility) ? params.utility.length : undefined;
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
