// Population samplers: personas drawn with the run's rng, from a table with shares or from
// distributions (ages, a heavy-tailed income, categorical occupations and traits).
import { z } from 'zod';
import type { Rng } from '../core/rng.js';
import { personaSchema, type Persona } from './persona.js';

const personaInput = personaSchema.partial({ name: true }).strip();

/** A numeric distribution for persona fields. */
export const distributionSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('uniform'), min: z.number(), max: z.number() })
    .strict()
    .refine((d) => d.min <= d.max, { path: ['max'], message: 'expected max >= min (a uniform range from min to max)' }),
  z.object({ kind: z.literal('normal'), mean: z.number(), sd: z.number().positive() }).strict(),
  /** Log-normal: exp(N(mu, sigma)). Heavy right tail, a common income model. */
  z.object({ kind: z.literal('lognormal'), mu: z.number(), sigma: z.number().positive() }).strict(),
  /** Pareto type I with scale xm and shape alpha: P(X > x) = (xm/x)^alpha. Heavier tail for small alpha. */
  z.object({ kind: z.literal('pareto'), xm: z.number().positive(), alpha: z.number().positive() }).strict(),
]);
export type Distribution = z.infer<typeof distributionSchema>;

export const personaSamplerSchema = z.discriminatedUnion('sampler', [
  z
    .object({
      sampler: z.literal('table'),
      /** Rows with a share (any positive weights; normalised). */
      rows: z.array(z.object({ share: z.number().positive(), persona: personaInput }).strict()).min(1),
    })
    .strict(),
  z
    .object({
      sampler: z.literal('distribution'),
      age: distributionSchema.optional(),
      income: distributionSchema.optional(),
      occupations: z.array(z.string()).min(1).optional(),
      sexes: z.array(z.enum(['female', 'male', 'other'])).min(1).optional(),
      /** Each agent gets `traitsPerAgent` distinct traits from this list. */
      traits: z.array(z.string()).optional(),
      traitsPerAgent: z.number().int().min(0).default(2),
      values: z.array(z.string()).optional(),
    })
    .strict(),
]);
export type PersonaSamplerConfig = z.infer<typeof personaSamplerSchema>;

export function sampleFrom(dist: Distribution, rng: Rng): number {
  switch (dist.kind) {
    case 'uniform':
      return dist.min + (dist.max - dist.min) * rng.next();
    case 'normal':
      return rng.normal(dist.mean, dist.sd);
    case 'lognormal':
      return Math.exp(rng.normal(dist.mu, dist.sigma));
    case 'pareto':
      return dist.xm / Math.pow(1 - rng.next(), 1 / dist.alpha);
  }
}

/** Sample `n` personas named after `names` (agent ids by default). */
export function samplePersonas(config: PersonaSamplerConfig, names: readonly string[], rng: Rng): Persona[] {
  if (config.sampler === 'table') {
    const weights = config.rows.map((r) => r.share);
    return names.map((name) => personaSchema.parse({ name, ...config.rows[rng.weighted(weights)]!.persona }));
  }
  return names.map((name) => {
    const traits = config.traits ? rng.shuffle(config.traits).slice(0, config.traitsPerAgent) : [];
    const values = config.values ? [rng.pick(config.values)] : [];
    return personaSchema.parse({
      name,
      ...(config.age ? { age: Math.max(0, Math.min(130, Math.round(sampleFrom(config.age, rng)))) } : {}),
      ...(config.income ? { income: Math.max(0, Math.round(sampleFrom(config.income, rng))) } : {}),
      ...(config.occupations ? { occupation: rng.pick(config.occupations) } : {}),
      ...(config.sexes ? { sex: rng.pick(config.sexes) } : {}),
      traits,
      values,
    });
  });
}
