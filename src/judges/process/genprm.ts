// Generative PRM step scoring (spec 13.3): a model critiques all steps of a solution in one pass and
// lists the incorrect step indices; k critiques (replicates 0..k−1) are combined by `voteIncorrectSteps`.
// Step scores: 1 for a step judged correct, 0 for one judged incorrect.
import { z } from 'zod';
import { loadPrompt, renderPrompt } from '../../agents/prompt-template.js';
import type { ModelClient } from '../../models/model.js';
import type { JudgeCallOptions } from '../judge.js';
import { callJudge } from '../llm/call-judge.js';
import type { Step } from './segment.js';
import { voteIncorrectSteps, type VoteRule } from './vote.js';

const critiqueSchema = z.object({ critique: z.string().optional(), incorrectSteps: z.array(z.number().int()) });

export interface GenPrmOptions {
  client: ModelClient;
  /** @default 'genprm' */
  name?: string;
  /** Number of critiques to vote over. @default 1 */
  k?: number;
  /** @default 'majority' */
  vote?: VoteRule;
}

export interface GenPrmResult {
  /** Per step: 1 correct, 0 incorrect. */
  stepScores: number[];
  incorrectSteps: number[];
  /** Each critique's list, before voting. */
  critiques: number[][];
  calls: number;
  cost: number;
}

export async function scoreStepsWithGenPrm(problem: string, steps: readonly Step[], options: GenPrmOptions, callOptions: JudgeCallOptions = {}): Promise<GenPrmResult> {
  const name = options.name ?? 'genprm';
  const template = loadPrompt('judge-genprm');
  const messages = renderPrompt(template, { problem, steps: steps.map((s, i) => `[${i}] ${s.text}`).join('\n') });
  const k = options.k ?? 1;
  const answers = await Promise.all(
    Array.from({ length: k }, (_, replicate) =>
      callJudge(options.client, { judge: name, messages, schema: critiqueSchema, schemaName: 'critique', options: { ...callOptions, replicate } }),
    ),
  );
  const critiques = answers.map((a) => a.object.incorrectSteps);
  const incorrectSteps = voteIncorrectSteps(critiques, steps.length, options.vote ?? 'majority');
  const bad = new Set(incorrectSteps);
  return {
    stepScores: steps.map((_, i) => (bad.has(i) ? 0 : 1)),
    incorrectSteps,
    critiques,
    calls: k,
    cost: answers.reduce((a, x) => a + (x.response.cost ?? 0), 0),
  };
}
