// The sweep config (YAML, JSON or TypeScript via `defineSweep`): a base run config plus a grid of named
// conditions and seeds. Validated by zod; errors name the sweep file and the config path, like run configs.
import { z } from 'zod';
import { runConfigSchema, type RunConfigInput } from '../engine/config/config-schema.js';

/** Letters, digits, `_`, `.` and `-`, not starting with `.`: a condition name is also a directory name. */
const conditionName = z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/, 'letters, digits, _ . - only (it names a directory), not starting with "."').max(80);

export const sweepConditionSchema = z
  .object({
    /** The condition's name; its cells live in `DIR/<name>/seed-<n>/`. */
    name: conditionName,
    /** Overrides on the base run config by path: `{ "params.punishment": true, "agents[0].policy.model": "openai:gpt-4o-mini" }`. @default {} (the base as it is) */
    set: z.record(z.string().min(1), z.unknown()).default({}),
  })
  .strict();

export const sweepBudgetSchema = z
  .object({
    /** Most input+output tokens over all cells together (cells finished by earlier invocations included). */
    tokens: z.number().int().positive().optional(),
    /** Most US dollars over all cells together; every model needs a price (`models.prices`). */
    dollars: z.number().positive().optional(),
  })
  .strict();

const seedsSchema = z.union([
  z.number().int().min(1).max(100_000).describe('a count N: seeds 1..N'),
  z
    .array(z.number().int())
    .min(1)
    .refine((s) => new Set(s).size === s.length, 'seeds must be distinct'),
]);

const conditionsSchema = z
  .array(sweepConditionSchema)
  .min(1)
  .refine((c) => new Set(c.map((x) => x.name)).size === c.length, 'condition names must be distinct');

/** The full schema (for the JSON Schema and types): `base` is a path or an inline run config. */
export const sweepConfigSchema = z
  .object({
    /** JSON Schema reference for editors; ignored. */
    $schema: z.string().optional(),
    name: z.string().optional(),
    /** The base run config: a path (YAML, JSON or TypeScript; relative to the sweep file) or the config inline. */
    base: z.union([z.string().min(1), runConfigSchema]),
    /** Seeds of every condition: a count N (seeds 1..N) or a list. Each cell's run config gets `seed` set to it. */
    seeds: seedsSchema,
    /** Named conditions; every condition runs with every seed. @default one condition, `base`, with no overrides */
    conditions: conditionsSchema.optional(),
    /** Budget over all cells together (each cell still has the base config's own `budget`). */
    budget: sweepBudgetSchema.optional(),
  })
  .strict();

/** What the loader validates first: the same fields, with `base` left for the run config validator. */
export const sweepConfigShapeSchema = sweepConfigSchema.extend({
  base: z.union([z.string().min(1), z.record(z.string(), z.unknown())], { error: 'expected a path to a run config or an inline run config' }),
});

export type SweepConfig = z.infer<typeof sweepConfigSchema>;
export type SweepConfigInput = Omit<z.input<typeof sweepConfigSchema>, 'base'> & { base: string | RunConfigInput };

/** Type helper for sweep files in TypeScript: `export default defineSweep({...})`. */
export function defineSweep(config: SweepConfigInput): SweepConfigInput {
  return config;
}
