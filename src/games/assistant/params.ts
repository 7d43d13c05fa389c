// Parameters of the GTAlign assistant game (spec 14). The task set is inline or a built-in set by name.
import { z } from 'zod';

export const assistantTaskSchema = z
  .object({
    id: z.string().min(1),
    /** The user's opening message, said verbatim (so the question type is controlled by the task). */
    question: z.string().min(1),
    /** `definite` (DQ): the question says what is needed; `vague` (VQ): it does not. */
    type: z.enum(['definite', 'vague']),
    /** The user's full need, private to the user simulator. */
    intent: z.string().min(1),
    /** What the user says when asked to clarify. @default the intent */
    clarification: z.string().min(1).optional(),
    /** Terms a good final answer mentions (case-insensitive), the in-game answer-quality proxy. */
    keywords: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const assistantParamsSchema = z
  .object({
    /** Inline tasks, or the name of a built-in set (`starter`: three definite and three vague). @default 'starter' */
    tasks: z.union([z.literal('starter'), z.array(assistantTaskSchema).min(1)]).default('starter'),
    /** Play only the first `limit` tasks of the set. @default all */
    limit: z.number().int().min(1).optional(),
    /** Assistant turns per conversation; the user replies after each, and a `satisfied` reply ends it early. @default 3 */
    maxTurns: z.number().int().min(1).max(20).default(3),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (Array.isArray(p.tasks)) {
      const seen = new Set<string>();
      p.tasks.forEach((t, i) => {
        if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'id'], message: `duplicate task id "${t.id}"` });
        seen.add(t.id);
      });
    }
  });

export type AssistantParams = z.infer<typeof assistantParamsSchema>;
export type AssistantParamsInput = z.input<typeof assistantParamsSchema>;
