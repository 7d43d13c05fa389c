// The judge config (YAML or an object), validated with zod. Errors name the config path
// (`judges[1].dimensions[0].max`) and the file.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../core/errors/config-error.js';
import { zodIssues } from '../core/zod-issues.js';

const dimensionSchema = z
  .object({ name: z.string().min(1), min: z.number(), max: z.number(), description: z.string().default('') })
  .refine((d) => d.min < d.max, { message: 'min must be below max', path: ['max'] });

const targetsSchema = z
  .object({
    /** Event types to judge. @default ['message'] */
    types: z.array(z.enum(['message', 'action', 'observation', 'model-call', 'outcome'])).default(['message']),
    /** Only events of these agents (message sender for `message`). */
    agents: z.array(z.string()).optional(),
    /** Only agents with these roles (from the trace's run-start event). */
    roles: z.array(z.string()).optional(),
  })
  .default({ types: ['message'] });

const panelSchema = z
  .object({
    /** Samples per target (CallContext.replicate 0..k−1). */
    replicates: z.number().int().min(1).max(32).default(1),
    aggregate: z.enum(['mean', 'majority', 'min']).default('mean'),
  })
  .default({ replicates: 1, aggregate: 'mean' });

const rewardSchema = z.object({
  /** Reward event name. @default the judge's name */
  name: z.string().optional(),
  /** Which score becomes the reward value. @default 'score', or the first dimension */
  dimension: z.string().optional(),
});

const base = {
  name: z.string().regex(/^[\w.-]+$/, 'letters, digits, _ . - only'),
  targets: targetsSchema,
  panel: panelSchema,
  reward: rewardSchema.optional(),
};

const judgeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rubric'), model: z.string().min(1), rubric: z.string().optional(), dimensions: z.array(dimensionSchema).min(1), ...base }),
  z.object({ kind: z.literal('sotopia'), model: z.string().min(1), rubric: z.string().optional(), ...base }),
  z.object({
    kind: z.literal('reference'),
    model: z.string().min(1),
    question: z.string(),
    reference: z.string(),
    /** Put the degenerate-candidate guard in front. @default true */
    guard: z.boolean().default(true),
    ...base,
  }),
  z.object({
    kind: z.literal('rule'),
    question: z.string().default(''),
    reference: z.string(),
    mode: z.enum(['numeric', 'exact', 'auto']).default('auto'),
    relTol: z.number().positive().optional(),
    ...base,
  }),
  z.object({ kind: z.literal('subgoals'), model: z.string().min(1), task: z.string().min(1), ...base }),
]);

export const judgeConfigSchema = z.object({
  /** Refuse judges whose model family equals an agent's. @default false */
  requireDistinctFamily: z.boolean().default(false),
  /** Judge calls in flight at once (the model stack paces them further). @default 8 */
  concurrency: z.number().int().min(1).max(256).default(8),
  judges: z.array(judgeSchema).min(1),
});

export type JudgeConfig = z.infer<typeof judgeConfigSchema>;
export type JudgeEntry = JudgeConfig['judges'][number];
export type JudgeConfigInput = z.input<typeof judgeConfigSchema>;

/** Validate a config object; `file` is named in errors. */
export function parseJudgeConfig(value: unknown, file?: string): JudgeConfig {
  const parsed = judgeConfigSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError(zodIssues(parsed.error), file === undefined ? {} : { file });
  const names = new Set<string>();
  parsed.data.judges.forEach((j, i) => {
    if (names.has(j.name)) throw ConfigError.at(`judges[${i}].name`, `duplicate judge name "${j.name}"`, file);
    names.add(j.name);
  });
  return parsed.data;
}

/** Read and validate a YAML (or JSON) judge config file. */
export function loadJudgeConfig(file: string): JudgeConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw ConfigError.at('', `cannot read the judge config (${(e as NodeJS.ErrnoException).code ?? String(e)})`, file);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (e) {
    throw ConfigError.at('', `not valid YAML: ${(e as Error).message.split('\n')[0]}`, file);
  }
  return parseJudgeConfig(value, file);
}
