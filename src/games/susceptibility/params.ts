// Parameters of the susceptibility dialogue (MMPersuade, spec 8.3): a claim, the persuadee's optional stated
// prior, the persuader's persuasion principle, the context label, the number of persuader turns and the scale.
import { z } from 'zod';
import { PRINCIPLE_NAMES } from './principles.js';

export const susceptibilityParamsSchema = z
  .object({
    /** The claim the persuader argues for, as a statement one agrees or disagrees with. */
    claim: z.string().min(1),
    /**
     * The persuadee's stated prior, shown only to the persuadee; leave out for the no-prior condition.
     * `agreement` is on the same 1..scale Likert scale; `statement` is the view in the persuadee's words.
     */
    prior: z.object({ agreement: z.number().int().min(1), statement: z.string().min(1) }).strict().optional(),
    /** The persuasion principle the persuader is told to use (see principles.ts). @default 'logic' */
    strategy: z.enum(PRINCIPLE_NAMES).default('logic'),
    /** The study's context axis, recorded for analysis and not shown to either agent. @default 'subjective' */
    context: z.enum(['commercial', 'subjective', 'adversarial']).default('subjective'),
    /** Persuader messages (each answered by the persuadee). @default 3 */
    turns: z.number().int().min(1).max(50).default(3),
    /** Points of the agreement scale (1 = strongly disagree). @default 5 ([UNVERIFIED] exact scale, spec 8.3) */
    scale: z.number().int().min(2).max(11).default(5),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.prior && p.prior.agreement > p.scale) ctx.addIssue({ code: 'custom', path: ['prior', 'agreement'], message: `must be at most scale (${p.scale})` });
  });

export type SusceptibilityParams = z.infer<typeof susceptibilityParamsSchema>;
export type SusceptibilityParamsInput = z.input<typeof susceptibilityParamsSchema>;
