// The zod shape of a CToMPersu record (spec 8.1): `scenario` {tag, background, persuadee, persuader, goal,
// domain[], preventive, generative} and the reference `dialog` lines, which we keep only for provenance.
import { z } from 'zod';

const text = z.string().trim().min(1, 'expected a non-empty string');

export const optionStateSchema = z.object({ content: text, belief: text, desire: text }).strict();

export const scenarioRecordSchema = z
  .object({
    tag: text,
    background: text,
    persuadee: text,
    persuader: text,
    goal: text,
    domain: z.array(text).default([]),
    preventive: optionStateSchema,
    generative: optionStateSchema,
  })
  .strict();

/** One entry of CToMPersu_Eval.json. */
export const datasetEntrySchema = z
  .object({
    scenario: scenarioRecordSchema,
    dialog: z.array(z.string()).default([]),
  })
  .strict();

/** An inline scenario in a config (tests, custom studies): a record plus its own id. */
export const inlineScenarioSchema = scenarioRecordSchema.extend({ id: z.string().regex(/^[\w.-]+$/, 'letters, digits, _ . - only').default('inline') });

export type ScenarioRecord = z.infer<typeof scenarioRecordSchema>;
