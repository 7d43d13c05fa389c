// Pairwise preference with position swap: every pair is asked twice, A-vs-B and B-vs-A (the second
// answer mapped back). When the two orders disagree the judge is position-biased on that pair; we
// return `tie` for it and mark it inconsistent. `positionInconsistencyRate` summarises a batch.
import { z } from 'zod';
import { loadPrompt, renderPrompt } from '../../agents/prompt-template.js';
import type { ModelClient } from '../../models/model.js';
import type { PairwiseJudge, PairwiseResult, Preference } from '../judge.js';
import { modelFamily } from '../panel/model-family.js';
import { callJudge } from './call-judge.js';

const preferenceSchema = z.object({ preference: z.enum(['A', 'B', 'tie']), rationale: z.string().optional() });

export interface PairwiseJudgeOptions {
  client: ModelClient;
  /** @default 'pairwise' */
  name?: string;
}

const flip = (p: Preference): Preference => (p === 'A' ? 'B' : p === 'B' ? 'A' : 'tie');

export function createPairwiseJudge(options: PairwiseJudgeOptions): PairwiseJudge {
  const name = options.name ?? 'pairwise';
  const template = loadPrompt('judge-pairwise');
  const { client } = options;
  return {
    metadata: { name, version: template.version, kind: 'pairwise', usesModel: true, family: modelFamily(client.provider, client.modelId) },
    async judge(input, callOptions) {
      const ask = (first: string, second: string, position: number) =>
        callJudge(client, {
          judge: name,
          messages: renderPrompt(template, { prompt: input.prompt, first, second }),
          schema: preferenceSchema,
          schemaName: 'preference',
          position,
          ...(callOptions ? { options: callOptions } : {}),
        });
      const ab = await ask(input.a, input.b, 0);
      const ba = await ask(input.b, input.a, 1);
      const orders = { ab: ab.object.preference, ba: flip(ba.object.preference) };
      const inconsistent = orders.ab !== orders.ba;
      const preference: Preference = inconsistent ? 'tie' : orders.ab;
      const result: PairwiseResult = {
        preference,
        orders,
        inconsistent,
        scores: { a: preference === 'A' ? 1 : preference === 'tie' ? 0.5 : 0, inconsistent: inconsistent ? 1 : 0 },
        rationale: [ab.object.rationale, ba.object.rationale].filter(Boolean).join(' | '),
        calls: 2,
        cost: (ab.response.cost ?? 0) + (ba.response.cost ?? 0),
      };
      return result;
    },
  };
}

/** Share of pairs whose two presentation orders disagreed. */
export function positionInconsistencyRate(results: readonly PairwiseResult[]): number {
  return results.length === 0 ? 0 : results.filter((r) => r.inconsistent).length / results.length;
}
