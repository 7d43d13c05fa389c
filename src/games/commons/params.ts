// Parameters of the common-pool resource game (spec §5; GovSim-like defaults, Piatti et al. 2024).
import { z } from 'zod';

export const commonsParamsSchema = z
  .object({
    /** Agents sharing the resource. @default 5 (GovSim) */
    agents: z.number().int().min(1).max(1000).default(5),
    /** Carrying capacity K, in units (GovSim: a 100-ton lake). @default 100 */
    capacity: z.number().positive().default(100),
    /**
     * Regrowth after harvesting H from stock S:
     * - `doubling` (GovSim): S' = min(K, 2·(S − H));
     * - `logistic` (spec §5): S' = S − H + r·S·(1 − S/K), clamped to [0, K] (growth on the pre-harvest stock).
     * @default 'doubling'
     */
    regrowth: z.enum(['doubling', 'logistic']).default('doubling'),
    /** Intrinsic growth rate r of the logistic regrowth, per round. @default 1 */
    growthRate: z.number().min(0).default(1),
    /** The resource collapses (game over) when the stock after regrowth falls below this, in units. @default 5 */
    collapseThreshold: z.number().min(0).default(5),
    /** Rounds (GovSim: months). @default 12 */
    rounds: z.number().int().min(1).default(12),
    /**
     * Initial condition (the 2×2 grid of Gupta et al.): the stock (rich = K, scarce = `scarceFraction`·K) and
     * the agents' initial strategies (altruistic: harvest 0.5–1× the norm, 80% punish violators; selfish:
     * 1.5–3× the norm, 20% punish), drawn with the game's rng.
     * @default 'rich-altruistic'
     */
    preset: z.enum(['rich-altruistic', 'rich-selfish', 'scarce-altruistic', 'scarce-selfish']).default('rich-altruistic'),
    /** Stock of a resource-scarce start, as a fraction of K. @default 0.3 */
    scarceFraction: z.number().gt(0).max(1).default(0.3),
    /** Overrides the preset's starting stock, in units. */
    initialStock: z.number().min(0).optional(),
    /**
     * The norm: a per-agent harvest limit. `sustainable-share` = the harvest that keeps the stock level
     * (doubling: S/2; logistic: r·S·(1 − S/K)) divided by N, recomputed each round; or a fixed number.
     * @default 'sustainable-share'
     */
    norm: z.union([z.literal('sustainable-share'), z.number().min(0)]).default('sustainable-share'),
    punishment: z
      .object({
        /** Adds a sanction phase after each harvest. @default true */
        enabled: z.boolean().default(true),
        /** Cost of monitoring (seeing everyone's harvest), in units. @default 0.5 */
        monitoringCost: z.number().min(0).default(0.5),
        /** Cost k to the punisher per violator punished, in units. @default 1 */
        cost: z.number().min(0).default(1),
        /** Fine f to each punished violator, in units. @default 3 */
        fine: z.number().min(0).default(3),
      })
      .strict()
      .prefault({}),
    socialLearning: z
      .object({
        /** Payoff-biased imitation between rounds (Fermi rule). @default true */
        enabled: z.boolean().default(true),
        /** Selection intensity β of the Fermi rule, per unit of payoff. @default 1 */
        beta: z.number().min(0).default(1),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.initialStock !== undefined && p.initialStock > p.capacity) ctx.addIssue({ code: 'custom', path: ['initialStock'], message: `must not exceed capacity (${p.capacity})` });
  });

export type CommonsParams = z.infer<typeof commonsParamsSchema>;
export type CommonsParamsInput = z.input<typeof commonsParamsSchema>;
