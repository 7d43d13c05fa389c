// Parameters of the donor game with cultural evolution (spec §3; aronvallinder/llm-donor-game@c53df2734544).
import { z } from 'zod';

export const donorParamsSchema = z
  .object({
    /** Agents per generation; even, so the population splits into two halves. @default 12 */
    agents: z.number().int().min(2).max(200).refine((n) => n % 2 === 0, 'must be even (the schedule pairs two halves)').default(12),
    /** Generations of cultural evolution. @default 10 (the paper; the notebook demo uses 2) */
    generations: z.number().int().min(1).default(10),
    /** Units each agent starts every game with. @default 10 */
    endowment: z.number().positive().default(10),
    /** What the recipient gets per unit donated (`cooperationGain`). @default 2 */
    multiplier: z.number().positive().default(2),
    /** Costly punishment variant: "Punish, x" costs the donor x and takes `punishmentLoss`·x from the recipient. @default false */
    punishment: z.boolean().default(false),
    /** Units taken from the recipient per unit spent on punishment (`punishmentLoss`). @default 2 */
    punishmentLoss: z.number().positive().default(2),
    /** Partner-choice variant: the donor may refuse to play (no transfer). @default false */
    refusal: z.boolean().default(false),
    /** Links of the indirect-reciprocity trace shown to a donor ("three_last_traces"). @default 3 */
    traceDepth: z.number().int().min(0).max(10).default(3),
    /** Weight of the old reputation in the update (`discounted_value`). @default 0.5 */
    reputationDiscount: z.number().min(0).default(0.5),
    /**
     * How an agent's generation score (used for selection and shown to the next generation) is computed:
     * - `both-games`: final resources of game 1 + final resources of game 2 (what the name
     *   `total_final_score` intends; the default, because behaviour in both games then counts);
     * - `double-last-game`: 2 × final resources of game 2, the source's quirk (it adds the current
     *   resources twice). Use it to reproduce the paper's numbers exactly.
     * @default 'both-games'
     */
    score: z.enum(['both-games', 'double-last-game']).default('both-games'),
  })
  .strict();

export type DonorParams = z.infer<typeof donorParamsSchema>;
export type DonorParamsInput = z.input<typeof donorParamsSchema>;
