// Reference-based verification by an LLM (spec 11): (question, reference, candidate) → YES / NO.
// Put `guardReferenceJudge` in front of it to stop master-key answers before they reach the model.
import { z } from 'zod';
import { loadPrompt, renderPrompt } from '../../agents/prompt-template.js';
import type { ModelClient } from '../../models/model.js';
import type { ReferenceJudge, Verdict } from '../judge.js';
import { modelFamily } from '../panel/model-family.js';
import { callJudge } from './call-judge.js';

export const verdictSchema = z.object({
  verdict: z.enum(['YES', 'NO']),
  rationale: z.string().optional(),
});

/** A bare "YES"/"NO" answer (first word), for models that ignore the JSON format. */
export function verdictFromText(text: string): { verdict: Verdict; rationale?: string } | undefined {
  const m = /^\W*(yes|no)\b/i.exec(text.trim());
  return m ? { verdict: (m[1] as string).toUpperCase() as Verdict } : undefined;
}

export interface LlmReferenceJudgeOptions {
  client: ModelClient;
  /** @default 'reference' */
  name?: string;
  /** Prompt template id in prompts/. @default 'judge-reference' */
  prompt?: string;
}

export function createLlmReferenceJudge(options: LlmReferenceJudgeOptions): ReferenceJudge {
  const name = options.name ?? 'reference';
  const template = loadPrompt(options.prompt ?? 'judge-reference');
  const { client } = options;
  return {
    metadata: { name, version: template.version, kind: 'reference', usesModel: true, family: modelFamily(client.provider, client.modelId) },
    async judge(input, callOptions) {
      const messages = renderPrompt(template, { question: input.question, reference: input.reference, candidate: input.candidate });
      const { object, response } = await callJudge(client, {
        judge: name,
        messages,
        schema: verdictSchema,
        schemaName: 'verdict',
        fromText: verdictFromText,
        ...(callOptions ? { options: callOptions } : {}),
      });
      return {
        verdict: object.verdict,
        scores: { score: object.verdict === 'YES' ? 1 : 0 },
        ...(object.rationale ? { rationale: object.rationale } : {}),
        calls: 1,
        cost: response.cost ?? 0,
      };
    },
  };
}
