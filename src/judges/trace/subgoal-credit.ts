// Model-written subgoal credit: an LLM splits the task into subgoals and names the turns that achieved
// each. Each subgoal is worth 1/S of the episode (S subgoals), split evenly among its achieving turns;
// a subgoal nobody achieved gives nothing. So the credits sum to the share of subgoals achieved (≤ 1).
import { z } from 'zod';
import { loadPrompt, renderPrompt } from '../../agents/prompt-template.js';
import type { ModelClient } from '../../models/model.js';
import type { JudgeCallOptions } from '../judge.js';
import { callJudge } from '../llm/call-judge.js';
import type { Turn } from '../process/segment.js';

export const subgoalSchema = z.object({
  subgoals: z.array(z.object({ description: z.string(), achievedBy: z.array(z.number().int()) })),
});
export type Subgoals = z.infer<typeof subgoalSchema>['subgoals'];

/** Credit per turn index from subgoals (pure). Turn indices outside [0, turnCount) are ignored. */
export function subgoalCredit(subgoals: Subgoals, turnCount: number): number[] {
  const credit = new Array<number>(turnCount).fill(0);
  if (subgoals.length === 0) return credit;
  const share = 1 / subgoals.length;
  for (const g of subgoals) {
    const turns = [...new Set(g.achievedBy)].filter((i) => i >= 0 && i < turnCount);
    for (const i of turns) credit[i] = (credit[i] ?? 0) + share / turns.length;
  }
  return credit;
}

export async function creditSubgoals(task: string, turns: readonly Turn[], options: { client: ModelClient; name?: string }, callOptions: JudgeCallOptions = {}) {
  const name = options.name ?? 'subgoals';
  const messages = renderPrompt(loadPrompt('judge-subgoals'), { task, turns: turns.map((t, i) => `${i}, ${t.agent}: ${t.text}`).join('\n') });
  const { object, response } = await callJudge(options.client, { judge: name, messages, schema: subgoalSchema, schemaName: 'subgoals', options: callOptions });
  return { subgoals: object.subgoals, credit: subgoalCredit(object.subgoals, turns.length), calls: 1, cost: response.cost ?? 0 };
}
