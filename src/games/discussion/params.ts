// Parameters of the co-evolving discussion (CoMAS, spec 10; wt-2048/comas@144962ff7ef3 defaults:
// 4 agents, 2 rounds, 2 references).
import { z } from 'zod';

const domainSchema = z.enum(['math', 'science']);

const problemSchema = z
  .object({
    /** The problem statement shown to every agent. */
    question: z.string().trim().min(1),
    /** Reference answer, only for the accuracy metric; numbers are compared numerically. Never shown to agents. */
    answer: z.union([z.string(), z.number()]).transform(String).optional(),
    /**
     * `math`: final answer in \boxed{}, numbers compared with a 1e-6 relative tolerance (else exact text);
     * `science`: a decimal in \boxed{}, compared within ±5% (spec 10). @default the game's `domain`
     */
    domain: domainSchema.optional(),
  })
  .strict();

const generatorSchema = z
  .object({
    /** How many arithmetic problems to generate. @default 2 */
    count: z.number().int().min(1).max(100).default(2),
    /** Operands per expression. @default 3 */
    terms: z.number().int().min(2).max(6).default(3),
    /** Largest operand (operands are drawn uniformly from 2..max). @default 20 */
    maxOperand: z.number().int().min(2).max(1000).default(20),
  })
  .strict();

export const discussionParamsSchema = z
  .object({
    /** Inline problems, discussed one after another. Give these or `generate`, not both. */
    problems: z.array(problemSchema).min(1).optional(),
    /** The built-in generator of arithmetic problems (with reference answers), used when `problems` is absent. */
    generate: generatorSchema.optional(),
    /** Rounds of solve → evaluate → score per problem (`num_rounds`). @default 2 */
    rounds: z.number().int().min(1).max(20).default(2),
    /** Previous-round discussions shown to solvers from round 2 on (`num_references`). @default 2 */
    references: z.number().int().min(0).max(20).default(2),
    /** Domain of problems that do not name one. @default 'math' */
    domain: domainSchema.default('math'),
  })
  .strict()
  .refine((p) => !(p.problems && p.generate), { message: 'give either problems or generate, not both', path: ['generate'] });

export type DiscussionParams = z.infer<typeof discussionParamsSchema>;
export type DiscussionParamsInput = z.input<typeof discussionParamsSchema>;
export type GeneratorParams = z.infer<typeof generatorSchema>;
