// One judge call through a ModelClient. The client is whatever the caller built (normally
// createModelStack: pacing, retry, cache, cost, recording), so judge calls are paced, cached, costed and
// recorded like any agent call. The CallContext names the judge (`judge:<name>`, purpose `judge`).
import type { z } from 'zod';
import { JudgeOutputError } from '../../core/errors/judge-output-error.js';
import type { ChatMessage, ModelClient, ModelResponse } from '../../models/model.js';
import { parseJsonAnswer } from '../../models/parse-json.js';
import type { JudgeCallOptions } from '../judge.js';

export interface JudgeCallRequest<T> {
  judge: string;
  messages: ChatMessage[];
  schema: z.ZodType<T>;
  /** Schema name for providers' native structured output. */
  schemaName: string;
  options?: JudgeCallOptions;
  /** Position of this call among the judge's calls on one target (e.g. the swapped order). @default 0 */
  position?: number;
  /** Last resort when the answer has no valid JSON (e.g. a plain "YES"). */
  fromText?: (text: string) => T | undefined;
  /** @default 0 (judges are deterministic where the provider allows) */
  temperature?: number;
}

export interface JudgeCallResult<T> {
  object: T;
  response: ModelResponse<T>;
}

export async function callJudge<T>(client: ModelClient, req: JudgeCallRequest<T>): Promise<JudgeCallResult<T>> {
  const o = req.options ?? {};
  const response = await client.generate<T>({
    messages: req.messages,
    output: { schema: req.schema, name: req.schemaName },
    sampling: { temperature: req.temperature ?? 0 },
    call: {
      agentId: `judge:${req.judge}`,
      purpose: 'judge',
      replicate: o.replicate ?? 0,
      position: req.position ?? 0,
      ...(o.runId === undefined ? {} : { runId: o.runId }),
      ...(o.turn === undefined ? {} : { turn: o.turn }),
    },
    ...(o.signal ? { signal: o.signal } : {}),
  });
  if (response.object !== undefined) return { object: response.object, response };
  const parsed = parseJsonAnswer(response.text);
  if (parsed.ok) {
    const checked = req.schema.safeParse(parsed.value);
    if (checked.success) return { object: checked.data, response };
  }
  const fallback = req.fromText?.(response.text);
  if (fallback !== undefined) return { object: fallback, response };
  throw new JudgeOutputError(req.judge, `answer does not match the ${req.schemaName} schema`, response.text);
}
