// Pointwise rubric scoring on one or more dimensions, each with a numeric range. Out-of-range scores
// are CLAMPED into the range and the dimension is listed in `clamped` (counted, never silently): a
// judge that writes 11 on a 0–10 scale almost always means "the top", and failing the whole target
// would throw away the other dimensions. The schema sent to the model carries no bounds for the same
// reason (a bounded schema would make the repair loop reject the answer). A missing dimension is an error.
import { z } from 'zod';
import { loadPrompt, renderPrompt } from '../../agents/prompt-template.js';
import { JudgeOutputError } from '../../core/errors/judge-output-error.js';
import type { ModelClient } from '../../models/model.js';
import type { Judge, JudgeTarget } from '../judge.js';
import { modelFamily } from '../panel/model-family.js';
import { SOTOPIA_DIMENSIONS } from '../rewards/sotopia.js';
import { callJudge } from './call-judge.js';

export interface RubricDimension {
  name: string;
  min: number;
  max: number;
  description: string;
}

/** The seven SOTOPIA dimensions with their ranges (spec 12). */
export const SOTOPIA_RUBRIC: readonly RubricDimension[] = Object.entries(SOTOPIA_DIMENSIONS).map(([name, d]) => ({ name, ...d }));

export interface RubricJudgeOptions {
  client: ModelClient;
  /** @default 'rubric' */
  name?: string;
  dimensions: readonly RubricDimension[];
  /** Free text describing what is judged. @default 'Judge the quality of the text.' */
  rubric?: string;
  /** Context shown before the target (the conversation so far, the task). */
  context?: (target: JudgeTarget) => string;
}

/** Clamp each dimension into its range; returns the clamped names. Throws on a missing or non-finite dimension. */
export function clampScores(judge: string, raw: Record<string, number>, dimensions: readonly RubricDimension[], text = ''): { scores: Record<string, number>; clamped: string[] } {
  const scores: Record<string, number> = {};
  const clamped: string[] = [];
  for (const d of dimensions) {
    const v = raw[d.name];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new JudgeOutputError(judge, `no numeric score for dimension "${d.name}"`, text);
    const c = Math.min(d.max, Math.max(d.min, v));
    if (c !== v) clamped.push(d.name);
    scores[d.name] = c;
  }
  return { scores, clamped };
}

export function createRubricJudge(options: RubricJudgeOptions): Judge<JudgeTarget> {
  const name = options.name ?? 'rubric';
  const template = loadPrompt('judge-pointwise');
  const { client, dimensions } = options;
  // One named field per dimension (not a free record): the model, a provider's strict structured output
  // and the offline scripted model all see which scores to give; a missing one fails the schema (and
  // gets the structured-output repair). Out-of-range scores are clamped and listed by clampScores.
  const scoreShape = Object.fromEntries(dimensions.map((d) => [d.name, z.number()]));
  const schema = z.object({ scores: z.object(scoreShape), rationale: z.string().optional() });
  const dims = dimensions.map((d) => `- ${d.name} [${d.min}, ${d.max}]: ${d.description}`).join('\n');
  return {
    metadata: { name, version: template.version, kind: 'pointwise', usesModel: true, family: modelFamily(client.provider, client.modelId) },
    async judge(target, callOptions) {
      const messages = renderPrompt(template, {
        rubric: options.rubric ?? 'Judge the quality of the text.',
        dimensions: dims,
        context: options.context?.(target) ?? '(none)',
        target: target.text,
      });
      const { object, response } = await callJudge(client, {
        judge: name,
        messages,
        schema,
        schemaName: 'scores',
        ...(callOptions ? { options: callOptions } : {}),
      });
      const { scores, clamped } = clampScores(name, object.scores as Record<string, number>, dimensions, response.text);
      return { scores, clamped, ...(object.rationale ? { rationale: object.rationale } : {}), calls: 1, cost: response.cost ?? 0 };
    },
  };
}
