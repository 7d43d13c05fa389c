// The sequential public goods game in the style of MAC-SPGG (Liang et al., arXiv 2508.02076; spec §4).
// The paper's exact reward is not in its code; we implement the spec's form (see README.md):
//   U_i = −κ·c_i²/2 + γ·Σ_{j<i} c_j + (ρ/N)·E − P·1[E < B],  E = task score of the contributions.
import { z } from 'zod';

export const sequentialPublicGoodsParamsSchema = z
  .object({
    /** Agents N, moving in seat order. @default 3 (the paper's ensemble size) */
    agents: z.number().int().min(2).max(50).default(3),
    /** Lowest contribution quality c_min (> 0). @default 0.1 */
    cMin: z.number().positive().default(0.1),
    /** Highest contribution quality c_max. @default 1 */
    cMax: z.number().positive().default(1),
    /** Curvature κ of the contribution cost C(c) = κc²/2. @default 1 */
    kappa: z.number().positive().default(1),
    /** Synergy weight γ on the predecessors' summed quality. @default 1.5 (checkpoint `cooperation_bonus`) */
    gamma: z.number().min(0).default(1.5),
    /** Public-good weight ρ: each agent receives ρ/N of the task score. @default 1.8 (checkpoint `public_good_multiplier`) */
    rho: z.number().min(0).default(1.8),
    /** Collective penalty P when the task score is below the threshold. @default 1.5 (checkpoint `free_rider_penalty`) */
    penalty: z.number().min(0).default(1.5),
    /** Threshold B on the task score. @default 0.85 (checkpoint `contribution_threshold`) */
    threshold: z.number().min(0).default(0.85),
    /** `full`: agent i sees all predecessors; `partial`: only agent i−1. @default 'full' */
    observation: z.enum(['full', 'partial']).default('full'),
    /** Task score E: `mean` of the qualities (default) or `min` (a weakest-link task). @default 'mean' */
    taskScore: z.enum(['mean', 'min']).default('mean'),
    /** Episodes played (each is one pass through the order). @default 1 */
    rounds: z.number().int().min(1).default(1),
  })
  .strict()
  .refine((p) => p.cMin <= p.cMax, { message: 'cMin must not exceed cMax', path: ['cMin'] });

export type SequentialPublicGoodsParams = z.infer<typeof sequentialPublicGoodsParamsSchema>;
export type SequentialPublicGoodsParamsInput = z.input<typeof sequentialPublicGoodsParamsSchema>;
