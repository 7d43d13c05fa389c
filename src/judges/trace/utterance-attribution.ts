// Sotopia-RL utterance-level attribution (spec 12): for each dimension, an LLM reads the whole episode
// and gives each of the agent's utterances an attribution a ∈ {−1, 0..S}; the utterance reward is
// r = (a/S)·D_d (a = −1 → −1), with D_d the episode score on d. Attributions outside [−1, S] are
// clamped and counted; utterances the model leaves out get a = 0.
import { z } from 'zod';
import { loadPrompt, renderPrompt } from '../../agents/prompt-template.js';
import type { ModelClient } from '../../models/model.js';
import type { JudgeCallOptions } from '../judge.js';
import { callJudge } from '../llm/call-judge.js';
import type { Turn } from '../process/segment.js';
import { ATTRIBUTION_SCALES, SOTOPIA_DIMENSIONS, sotopiaUtteranceReward, type AttributionScale } from '../rewards/sotopia.js';

const attributionSchema = z.object({ attributions: z.array(z.object({ index: z.number().int(), score: z.number() })) });

export interface AttributionOptions {
  client: ModelClient;
  /** @default 'sotopia-attribution' */
  name?: string;
  /** @default 'default' (0–3) */
  scale?: AttributionScale;
}

export interface AttributionInput {
  turns: readonly Turn[];
  /** The agent whose utterances are attributed. */
  agent: string;
  goal: string;
  background?: string;
  /** Episode scores by dimension (D_d); each listed dimension gets one attribution call. */
  episodeScores: Record<string, number>;
}

export interface UtteranceReward {
  seq: number;
  turn: number;
  dimension: string;
  attribution: number;
  reward: number;
}

export async function attributeUtterances(input: AttributionInput, options: AttributionOptions, callOptions: JudgeCallOptions = {}) {
  const name = options.name ?? 'sotopia-attribution';
  const scale = options.scale ?? 'default';
  const max = ATTRIBUTION_SCALES[scale];
  const template = loadPrompt('judge-sotopia-attribution');
  const own = input.turns.filter((t) => t.agent === input.agent);
  const episode = input.turns.map((t) => `${t.agent}: ${t.text}`).join('\n');
  const utterances = own.map((t) => `${t.index}: ${t.text}`).join('\n');
  const rewards: UtteranceReward[] = [];
  let calls = 0;
  let cost = 0;
  let clamped = 0;
  for (const [position, [dimension, episodeScore]] of Object.entries(input.episodeScores).entries()) {
    const description = (SOTOPIA_DIMENSIONS as Record<string, { description: string }>)[dimension]?.description ?? dimension;
    const messages = renderPrompt(template, {
      agent: input.agent,
      goal: input.goal,
      background: input.background ?? '(none)',
      dimension,
      description,
      scale: max,
      episode,
      utterances,
    });
    const { object, response } = await callJudge(options.client, { judge: name, messages, schema: attributionSchema, schemaName: 'attributions', position, options: callOptions });
    calls++;
    cost += response.cost ?? 0;
    const byIndex = new Map(object.attributions.map((a) => [a.index, a.score]));
    for (const t of own) {
      const raw = byIndex.get(t.index) ?? 0;
      const a = raw === -1 ? -1 : Math.min(max, Math.max(0, Math.round(raw)));
      if (a !== raw) clamped++;
      rewards.push({ seq: t.seq, turn: t.index, dimension, attribution: a, reward: sotopiaUtteranceReward(a, scale, episodeScore) });
    }
  }
  return { rewards, calls, cost, clamped };
}
