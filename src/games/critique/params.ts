// Parameters of actor/critic refinement (spec 9; Critique-RL, Xi et al., arXiv 2510.24320; WooooDyy/Critique-RL@06283864a725).
import { z } from 'zod';

export const critiqueProblemSchema = z
  .object({
    /** The problem shown to the actor and the critic. */
    question: z.string().min(1),
    /** The reference answer, used only to score (never shown to the agents). */
    answer: z.string().min(1),
  })
  .strict();

export const critiqueParamsSchema = z
  .object({
    /** Inline problems with reference answers; without them `count` arithmetic problems are drawn from the game's rng. */
    problems: z.array(critiqueProblemSchema).min(1).optional(),
    /** Problems drawn by the built-in arithmetic generator when `problems` is absent. @default 6 */
    count: z.number().int().min(1).default(6),
    /** Largest operand of generated problems. @default 20 */
    maxOperand: z.number().int().min(1).default(20),
    /** Operators of generated problems. @default ['+', '-', '*'] */
    operators: z.array(z.enum(['+', '-', '*'])).min(1).default(['+', '-', '*']),
    /**
     * The critic's payoff: `discrimination` (Stage I: +1 for a right verdict, −1 otherwise) or `helpfulness`
     * (Stage II: r_help + 0.2 for a right verdict, −1 for a wrong or missing one). Both are always recorded. @default 'helpfulness'
     */
    stage: z.enum(['discrimination', 'helpfulness']).default('helpfulness'),
    /** r_help of Stage II: `r_refine`, `r_correct` or `r_delta` (see ../rewards/critique-rl.ts). @default 'r_refine' */
    helpfulness: z.enum(['r_refine', 'r_correct', 'r_delta']).default('r_refine'),
    /**
     * How an answer is checked against the reference: `numeric` (the boxed answer or last number, within 1e-6
     * relative), `exact` (normalised text), or `auto` (numeric when the reference parses as a number). @default 'auto'
     */
    verification: z.enum(['auto', 'numeric', 'exact']).default('auto'),
  })
  .strict();

export type CritiqueParams = z.infer<typeof critiqueParamsSchema>;
export type CritiqueProblem = z.infer<typeof critiqueProblemSchema>;
