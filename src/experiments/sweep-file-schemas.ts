// zod schemas of the sweep directory's files (see sweep-directory.ts), used by the readers so a reader in
// another process (report, queue worker) gets a clear error naming the file, line and field. Unknown
// fields pass through: later versions may add some.
import { z } from 'zod';

const summarySchema = {
  n: z.number().int().min(0),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable(),
};

export const sweepManifestSchema = z.looseObject({
  version: z.literal(1),
  name: z.string().optional(),
  base: z.looseObject({ game: z.string() }),
  conditions: z.array(z.looseObject({ name: z.string(), set: z.record(z.string(), z.unknown()) })),
  seeds: z.array(z.number().int()),
  cells: z.array(z.looseObject({ condition: z.string(), seed: z.number().int(), dir: z.string() })),
  hash: z.string(),
  budget: z.looseObject({ tokens: z.number().optional(), dollars: z.number().optional() }).optional(),
});

export const resultRowSchema = z.looseObject({
  condition: z.string(),
  seed: z.number().int(),
  status: z.enum(['completed', 'stopped', 'failed', 'degraded', 'pending']),
  dir: z.string(),
  metrics: z.record(z.string(), z.number()),
  calls: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  costUsd: z.number(),
  wallMs: z.number(),
  error: z.string().optional(),
});

export const comparisonSchema = z.looseObject({
  version: z.literal(1),
  conditions: z.array(z.string()),
  seeds: z.array(z.number().int()),
  interval: z.string(),
  paired: z.string(),
  metrics: z.record(
    z.string(),
    z.looseObject({
      byCondition: z.record(z.string(), z.looseObject(summarySchema)),
      differences: z.array(z.looseObject({ a: z.string(), b: z.string(), ...summarySchema, p: z.number().nullable() })),
    }),
  ),
});
