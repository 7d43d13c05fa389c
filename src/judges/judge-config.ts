// The judge config (YAML or an object), validated with zod. Errors name the config path
// (`judges[1].dimensions[0].max`) and the file.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../core/errors/config-error.js';
import { zodIssues } from '../core/zod-issues.js';
import { FOLLOW_UP_CATEGORIES } from '../local-models/rewards/follow-up-utterances.js';

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

/**
 * A model that scores by log-probabilities: a local GGUF, `local:./model.gguf` (relative to the working
 * directory), or a remote OpenAI-compatible completion server, `openai-compatible:<model>@<base URL>`.
 */
const scorerSpec = z
  .string()
  .regex(/^(local:.+|openai-compatible:.+@https?:\/\/.+)$/, "a scorer spec, 'local:<file.gguf>' or 'openai-compatible:<model>@<http(s) base URL>'");
const scorerBase = { ...base, scorer: scorerSpec };

// Judges computed from a local model's log-probabilities (src/judges/scorer). They call no remote model.
const scorerJudgeSchemas = [
  z.object({
    kind: z.literal('likelihood'),
    ...scorerBase,
    /** The task prompt the target's reasoning answers. */
    question: z.string(),
    /** The reference answer whose likelihood after the target is the reward (spec 13.6). */
    reference: z.string().min(1),
    variant: z.enum(['logprob', 'prob', 'mean-logprob', 'mean-prob']).default('logprob'),
  }),
  z.object({
    kind: z.literal('follow-up'),
    ...scorerBase,
    /** FLR categories to average (spec 13.7). @default all six */
    categories: z.array(z.enum(FOLLOW_UP_CATEGORIES)).min(1).optional(),
  }),
  z.object({
    kind: z.literal('information-gain'),
    ...scorerBase,
    /** The ground-truth answer a* (spec 13.5). */
    reference: z.string().min(1),
    /** Asked after the conversation, before the answer is scored. */
    question: z.string().optional(),
    /** Whose view of the conversation. @default the target's sender */
    perspective: z.string().optional(),
    variant: z.enum(['prob', 'logprob']).default('prob'),
  }),
  z.object({
    kind: z.literal('implicit-prm'),
    ...scorerBase,
    /** The reference policy π_ref; must share the scorer's tokenizer (spec 13.2). */
    referenceScorer: scorerSpec,
    question: z.string().optional(),
    /** β. @default 0.05 */
    beta: z.number().positive().default(0.05),
  }),
  z.object({
    kind: z.literal('agreement'),
    ...scorerBase,
    /** A yes/no question asked after the conversation up to and including the target (spec 8.3). */
    question: z.string().min(1),
    /** The agent whose view of the conversation is scored (the persuadee). @default every message */
    perspective: z.string().optional(),
    yes: z.string().min(1).default('Yes'),
    no: z.string().min(1).default('No'),
  }),
] as const;

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
  ...scorerJudgeSchemas,
  z
    .object({
      kind: z.literal('susceptibility'),
      ...base,
      /** (a) A third-party judge model rating the persuadee's agreement each turn (spec 8.3). */
      model: z.string().min(1).optional(),
      /** (b) A local model whose P("Yes") is the persuadee's own agreement each turn. */
      scorer: scorerSpec.optional(),
    })
    .refine((j) => j.model !== undefined || j.scorer !== undefined, { message: 'give a judge `model`, a local `scorer`, or both', path: ['model'] }),
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
/** The judge kinds computed from a local model's log-probabilities. */
export type ScorerJudgeEntry = Extract<JudgeEntry, { kind: 'likelihood' | 'follow-up' | 'information-gain' | 'implicit-prm' | 'agreement' }>;
export const SCORER_JUDGE_KINDS: ReadonlySet<string> = new Set(scorerJudgeSchemas.map((s) => s.shape.kind.value));

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
