// Makes `output` requests return a schema-valid object: the provider's native mode when it has one,
// else JSON instructions appended to the prompt; then parse (```json fences tolerated), validate with
// zod, and repair a bad answer by showing it and its errors to the model, a bounded number of times.
import type { z } from 'zod';
import { StructuredOutputError } from '../../core/errors/structured-output-error.js';
import { formatPath } from '../../core/zod-issues.js';
import { toJsonSchema } from '../json-schema.js';
import { type ChatMessage, type ModelClient, type ModelRequest, type ModelResponse, type Usage, zeroUsage } from '../model.js';
import { wrapModel } from './wrap-model.js';
import { parseJsonAnswer } from '../parse-json.js';

export interface StructuredOutputOptions {
  /** Repair calls after the first answer fails. @default 2 */
  maxRepairs?: number;
}

type Verdict<T> = { ok: true; object: T } | { ok: false; kind: 'unparsable' | 'invalid'; message: string; issues: Array<{ path: string; message: string }> };

function check<T>(schema: z.ZodType<T>, response: ModelResponse<T>): Verdict<T> {
  let value: unknown = response.object;
  if (value === undefined) {
    const parsed = parseJsonAnswer(response.text);
    if (!parsed.ok) return { ok: false, kind: 'unparsable', message: parsed.error, issues: [] };
    value = parsed.value;
  }
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, object: result.data };
  const issues = result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  return { ok: false, kind: 'invalid', message: issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '), issues };
}

function instructions(request: ModelRequest): ChatMessage {
  const schema = JSON.stringify(toJsonSchema(request.output!.schema));
  return {
    role: 'user',
    content: `Answer with one JSON value only, no prose, matching this JSON schema:\n${schema}`,
  };
}

const addUsage = (a: Usage, b: Usage): Usage => ({
  inputTokens: a.inputTokens + b.inputTokens,
  outputTokens: a.outputTokens + b.outputTokens,
  cachedInputTokens: a.cachedInputTokens + b.cachedInputTokens,
  reasoningTokens: a.reasoningTokens + b.reasoningTokens,
});

/**
 * Validates and repairs structured answers of `client`. Repair n of a call at position p is a new call
 * with purpose `<purpose>:repair` and position `p * (maxRepairs + 1) + n`, so each repair is its own
 * recorded, cached and replayable call. Requests without `output` pass through.
 */
export function withStructuredOutput(client: ModelClient, options: StructuredOutputOptions = {}): ModelClient {
  const maxRepairs = options.maxRepairs ?? 2;
  return wrapModel(client, async <T>(request: ModelRequest<T>): Promise<ModelResponse<T>> => {
    if (!request.output) return client.generate(request);
    const schema = request.output.schema;
    const allowed = request.output.repairs ?? maxRepairs;
    let messages = client.capabilities.structuredOutput ? request.messages : [...request.messages, instructions(request)];
    let usage = zeroUsage();
    let cost = 0;
    const call = request.call ?? {};
    for (let n = 0; ; n++) {
      const attempt: ModelRequest<T> =
        n === 0
          ? { ...request, messages }
          : {
              ...request,
              messages,
              call: { ...call, purpose: `${call.purpose ?? 'call'}:repair`, position: (call.position ?? 0) * (maxRepairs + 1) + n },
            };
      const response = await client.generate(attempt);
      usage = addUsage(usage, response.usage);
      cost += response.cost ?? 0;
      if (response.finishReason === 'refusal' || response.refusal !== undefined) {
        throw new StructuredOutputError(`the model refused: ${response.refusal ?? response.text}`, {
          kind: 'refused', raw: response.refusal ?? response.text, usage, finishReason: 'refusal', issues: [], attempts: n + 1,
        });
      }
      const verdict = check(schema, response);
      if (verdict.ok) return { ...response, object: verdict.object, usage, cost };
      if (n >= allowed) {
        throw new StructuredOutputError(verdict.message, {
          kind: verdict.kind, raw: response.text, usage, finishReason: response.finishReason, issues: verdict.issues, attempts: n + 1,
        });
      }
      messages = [
        ...messages,
        { role: 'assistant', content: response.text },
        {
          role: 'user',
          content: `That answer is not valid: ${verdict.message}. Reply again with only the corrected JSON.`,
        },
      ];
    }
  });
}
