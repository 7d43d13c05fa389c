// Parameters of the steered social-learning game (spec §15). The baseline (BHW 1992) is the default:
// equal prior, symmetric binary signals, the coin-flip tie rule. The spec gives no cost function; ours is
// the signal's mutual information with the state, priced per bit (see information-cost.ts).
import { z } from 'zod';

export const socialLearningParamsSchema = z
  .object({
    /** Learners N, acting once each per episode in seat order. @default 8 */
    learners: z.number().int().min(1).max(500).default(8),
    /** Episodes (each a fresh state and fresh signals; every learner acts once per episode). @default 1 */
    episodes: z.number().int().min(1).max(10_000).default(1),
    /** Prior probability that the state is A. @default 0.5 */
    prior: z.number().gt(0).lt(1).default(0.5),
    /** The announced precision: used by the fixed planner, when there is no planner seat, and as what learners believe when the structure is not disclosed. @default 0.7 */
    precision: z.number().gt(0).lt(1).default(0.7),
    /** Highest precision the planner may buy (< 1 so a signal never settles the state). @default 0.9 */
    maxPrecision: z.number().min(0.5).max(0.99).default(0.9),
    /** `seat`: the first agent is the planner (role `information-planner`); `none`: every signal has `precision`. @default 'seat' */
    planner: z.enum(['seat', 'none']).default('seat'),
    /** Learners per planner step (the planner re-decides after each block). @default all learners (one step per episode) */
    plannerPeriod: z.number().int().min(1).optional(),
    /** The planner's payoff: `altruistic` = correct actions − cost; `biased` = actions equal to `preferredAction` − cost. @default 'altruistic' */
    objective: z.enum(['altruistic', 'biased']).default('altruistic'),
    /** The action a biased planner wants. @default 'A' */
    preferredAction: z.enum(['A', 'B']).default('A'),
    /** Price of one bit of mutual information between a signal and the state (payoff units). @default 0.5 */
    costPerBit: z.number().min(0).default(0.5),
    /** Information parity: every learner of one planner step gets the same precision. @default true */
    parity: z.boolean().default(true),
    /** No lying: precisions lie in [0.5, maxPrecision]; when false, [1 − maxPrecision, maxPrecision]. @default true */
    truthful: z.boolean().default(true),
    /** Full observability: learners see the actual precisions; when false they believe `precision`. @default true */
    disclosed: z.boolean().default(true),
    /** What an indifferent Bayesian learner does: `coin-flip` (BHW 1992) or `own-signal`. @default 'coin-flip' */
    tieRule: z.enum(['coin-flip', 'own-signal']).default('coin-flip'),
  })
  .strict()
  .refine((p) => p.precision <= p.maxPrecision && p.precision >= (p.truthful ? 0.5 : 1 - p.maxPrecision), {
    message: 'precision must lie in the legal range: [0.5, maxPrecision] when truthful, else [1 − maxPrecision, maxPrecision]',
    path: ['precision'],
  });

export type SocialLearningParams = z.infer<typeof socialLearningParamsSchema>;
export type SocialLearningParamsInput = z.input<typeof socialLearningParamsSchema>;

/** The legal precision range under the transparency constraints. */
export function precisionBounds(p: Pick<SocialLearningParams, 'truthful' | 'maxPrecision'>): { min: number; max: number } {
  return { min: p.truthful ? 0.5 : 1 - p.maxPrecision, max: p.maxPrecision };
}

/** Learners per planner step. */
export const plannerPeriod = (p: SocialLearningParams): number => Math.min(p.plannerPeriod ?? p.learners, p.learners);
