// The classic linear public goods game (spec §4 reference): payoff_i = e − x_i + (m/N)·Σ_j x_j.
import { z } from 'zod';

export const linearPublicGoodsParamsSchema = z
  .object({
    /** Number of agents N. @default 4 */
    agents: z.number().int().min(2).max(1000).default(4),
    /** Endowment e each agent receives every round, in units. @default 20 */
    endowment: z.number().positive().default(20),
    /** Multiplier m of the pooled contributions; MPCR = m/N. @default 1.6 (MPCR 0.4 with 4 agents) */
    multiplier: z.number().positive().default(1.6),
    /** Rounds played. @default 10 */
    rounds: z.number().int().min(1).default(10),
    /** Past rounds shown to agents in observations. @default 5 */
    historyShown: z.number().int().min(0).default(5),
  })
  .strict();

export type LinearPublicGoodsParams = z.infer<typeof linearPublicGoodsParamsSchema>;
export type LinearPublicGoodsParamsInput = z.input<typeof linearPublicGoodsParamsSchema>;
