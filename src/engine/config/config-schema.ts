// The run config (YAML, JSON or TypeScript via `defineConfig`), validated by zod. Errors name the
// config path: `agents[1].policy.model: expected string`.
import { z } from 'zod';
import { memoryConfigSchema } from '../../agents/memory/index.js';
import { personaSchema } from '../../agents/persona.js';
import { personaSamplerSchema } from '../../agents/persona-sampler.js';
import { budgetSchema } from '../budget.js';

/** The most repairs a decision may have: each is a paid call. */
const MAX_REPAIRS = 20;
/** Game counts every game shares the meaning of: rounds, turns, episodes. A run past these is a typo. */
const MAX_COUNT = 1_000_000;
const COUNT_PARAMS = ['rounds', 'turns', 'episodes', 'generations'] as const;

const samplingSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().min(0).max(1).optional(),
    maxTokens: z.number().int().positive().optional(),
    seed: z.number().int().optional(),
  })
  .strict();

const modelPolicySchema = z
  .object({
    /** A model spec (`openai:gpt-4o-mini`, `anthropic:claude-sonnet-4-5`, `local:./m.gguf`, `scripted:random`) or `default`. */
    model: z.string().min(1),
    sampling: samplingSchema.optional(),
    /** Milliseconds before an answer counts as a timeout. */
    timeoutMs: z.number().int().positive().optional(),
  })
  .strict();

const strategyPolicySchema = z
  .object({
    /** A scripted strategy of the game (`tit-for-tat`, `rational-worker`, ...). */
    strategy: z.string().min(1),
  })
  .strict();

export const agentConfigSchema = z
  .object({
    /** Agent id; with `count` > 1 the agents are `<id>-1`, `<id>-2`, ... @default the role name */
    id: z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only').optional(),
    /** How many agents this entry stands for. @default 1 */
    count: z.number().int().min(1).default(1),
    /** Override the role the game assigns to this seat. */
    role: z.string().optional(),
    policy: z.union([modelPolicySchema, strategyPolicySchema]).default({ model: 'default' }),
    persona: personaSchema.partial({ name: true }).optional(),
    memory: memoryConfigSchema.optional(),
  })
  .strict();

export const modelsConfigSchema = z
  .object({
    /** The model used by `policy: {model: default}` and by agents without a policy. @default scripted:random (offline) */
    default: z.string().default('scripted:random'),
    /** Disk cache directory for model calls, or false. Relative to the config file. @default false */
    cache: z.union([z.string(), z.literal(false)]).default(false),
    /** Requests per minute per provider+model. */
    requestsPerMinute: z.number().positive().optional(),
    tokensPerMinute: z.number().positive().optional(),
    /** Concurrent calls per provider+model. @default 8 */
    concurrency: z.number().int().positive().default(8),
    /** Attempts per call for retryable errors. @default 4 */
    maxAttempts: z.number().int().min(1).default(4),
    /** Price overrides in USD per million tokens, by model id. */
    prices: z.record(z.string(), z.object({ input: z.number().min(0), output: z.number().min(0), cachedInput: z.number().min(0).optional() }).strict()).optional(),
  })
  .strict();

export const runConfigSchema = z
  .object({
    /** JSON Schema reference for editors; ignored. */
    $schema: z.string().optional(),
    name: z.string().optional(),
    /** A registered game (`polis games list`). */
    game: z.string().min(1),
    /** The game's parameters (see `polis games list`). */
    params: z.record(z.string(), z.unknown()).default({}),
    /** Root seed of the run. @default 1 */
    seed: z.number().int().default(1),
    agents: z.array(agentConfigSchema).min(1),
    /** Personas sampled for agents that have none. */
    personas: personaSamplerSchema.optional(),
    models: modelsConfigSchema.default(modelsConfigSchema.parse({})),
    budget: budgetSchema.optional(),
    /** Repair attempts after an invalid action before the declared default. @default 2 */
    maxRepairs: z.number().int().min(0).max(MAX_REPAIRS).default(2),
    /** A run with more than this share of its actions defaulted ends `degraded` (exit code 4). @default 0.5 */
    maxDefaultedShare: z.number().min(0).max(1).default(0.5),
    /** Decisions of one phase under way at once (model calls are further paced per model). @default 1024 */
    maxInFlight: z.number().int().min(1).max(1_000_000).default(1024),
    /** Probe model agents about their persona every k rounds. */
    personaDrift: z.object({ every: z.number().int().positive() }).strict().optional(),
    trace: z
      .object({
        /** Write observation events. @default true */
        observations: z.boolean().default(true),
        /** Checkpoint every k rounds. @default 1 */
        checkpointEvery: z.number().int().positive().default(1),
      })
      .strict()
      .default({ observations: true, checkpointEvery: 1 }),
  })
  .strict()
  .superRefine((config, ctx) => {
    // The games check their own parameters; the counts every game shares get one bound here, so a
    // `rounds: 1e12` is refused before a game allocates or a model is paid.
    for (const key of COUNT_PARAMS) {
      const value = config.params[key];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_COUNT) {
        ctx.addIssue({ code: 'custom', path: ['params', key], message: `expected an integer from 1 to ${MAX_COUNT}, got ${JSON.stringify(value)}` });
      }
    }
  });

export type RunConfig = z.infer<typeof runConfigSchema>;
export type RunConfigInput = z.input<typeof runConfigSchema>;
export type AgentConfig = z.infer<typeof agentConfigSchema>;

/** Type helper for `polis.config.ts` files: `export default defineConfig({...})`. */
export function defineConfig(config: RunConfigInput): RunConfigInput {
  return config;
}
