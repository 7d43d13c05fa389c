// Parameters of the persuasion game: which scenario, how many attack cycles, and the accuracy threshold.
import { z } from 'zod';
import { ConfigError } from '../../core/errors/config-error.js';
import { loadScenarios } from './load-scenarios.js';
import { inlineScenarioSchema } from './scenario-schema.js';
import type { PersuasionScenario } from './types.js';

export const persuasionParamsSchema = z
  .object({
    /**
     * The scenario: an entry index of the dataset (0-based), its id (`ctompersu-12`), or an inline scenario
     * `{tag, background, persuadee, persuader, goal, domain, preventive, generative, id?}`.
     * @default 0
     */
    scenario: z.union([z.number().int().min(0), z.string().regex(/^ctompersu-\d+$/, 'expected "ctompersu-<index>"'), inlineScenarioSchema]).default(0),
    /** A CToMPersu-format JSON file to draw indexed scenarios from. @default data/persuasion/CToMPersu_Eval.json */
    dataset: z.string().min(1).optional(),
    /**
     * Attack cycles (predict, feedback, attack, reply). Spec 8.1 plays three: the preventive belief/desire,
     * then the generative belief, then the generative desire; later cycles revisit the generative option.
     * @default 3
     */
    cycles: z.number().int().min(1).max(10).default(3),
    /** Token F1 (0..1) at or above which a predicted belief or desire counts as correct. @default 0.5 */
    threshold: z.number().min(0).max(1).default(0.5),
  })
  .strict();

export type PersuasionParams = z.infer<typeof persuasionParamsSchema>;

/** The scenario the params name; an index past the end is a ConfigError naming the dataset size. */
export function scenarioFor(params: PersuasionParams): PersuasionScenario {
  const ref = params.scenario;
  if (typeof ref === 'object') {
    const { id, ...record } = ref;
    return { id, ...record };
  }
  const all = loadScenarios(params.dataset);
  const index = typeof ref === 'number' ? ref : Number(ref.slice('ctompersu-'.length));
  const scenario = all[index];
  if (!scenario) throw ConfigError.at('params.scenario', `index ${index} is past the end of the dataset (${all.length} scenarios, 0..${all.length - 1})`);
  return scenario;
}
