// Parameters of the debate RCT (Salvi et al., Nature Human Behaviour 2025; spec 8.2): several debate pairs
// per run, each with a proposition, the participant's side, the opponent condition and, optionally, the
// participant's sociodemographics that a personalised opponent is shown.
import { z } from 'zod';

/** The sociodemographics the study gave personalised debaters (spec 8.2); every field optional. */
export const sociodemographicsSchema = z
  .object({
    age: z.number().int().min(0).max(130).optional(),
    gender: z.string().min(1).optional(),
    ethnicity: z.string().min(1).optional(),
    education: z.string().min(1).optional(),
    employment: z.string().min(1).optional(),
    /** Political affiliation, e.g. `Democrat`, `Republican`, `independent`. */
    politicalAffiliation: z.string().min(1).optional(),
  })
  .strict();

export type Sociodemographics = z.infer<typeof sociodemographicsSchema>;

export const debatePairSchema = z
  .object({
    /** The proposition debated, as a statement one agrees or disagrees with. */
    topic: z.string().min(1),
    /** The participant's side; the opponent argues the other one. @default 'pro' */
    side: z.enum(['pro', 'con']).default('pro'),
    /**
     * Who the opponent stands in for: a condition label (`human`, `ai`, or any name). It is never shown
     * to either debater (the study did not tell participants); the config binds the seat to a model or persona.
     * @default 'ai'
     */
    opponent: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and - only').default('ai'),
    /** Show the opponent the participant's sociodemographics. @default false */
    personalised: z.boolean().default(false),
    /** The participant's sociodemographics: in the participant's own prompts, and the opponent's when personalised. @default {} */
    participant: sociodemographicsSchema.default({}),
  })
  .strict();

export type DebatePair = z.infer<typeof debatePairSchema>;

export const debateParamsSchema = z
  .object({
    /** Debate pairs; seats 2i (participant) and 2i + 1 (opponent) belong to pair i. */
    pairs: z.array(debatePairSchema).min(1),
    /** Points of the agreement scale (1 = strongly disagree ... scale = strongly agree). @default 5 (spec 8.2, [UNVERIFIED] 1–5) */
    scale: z.number().int().min(2).max(11).default(5),
    /** The reference condition of the odds ratios (the study's human–human arm). @default { opponent: 'human', personalised: false } */
    baseline: z
      .object({ opponent: z.string().default('human'), personalised: z.boolean().default(false) })
      .strict()
      .default({ opponent: 'human', personalised: false }),
    /** Longest argument kept, in characters; longer ones are cut (the study limited writing time instead). @default 2000 */
    maxArgumentChars: z.number().int().min(1).default(2000),
  })
  .strict();

export type DebateParams = z.infer<typeof debateParamsSchema>;
export type DebateParamsInput = z.input<typeof debateParamsSchema>;

/** The condition key of a pair, used in metric names: `ai`, `ai+personalised`, `human`. */
export function conditionKey(c: { opponent: string; personalised: boolean }): string {
  return c.personalised ? `${c.opponent}+personalised` : c.opponent;
}
