// A tiny in-test ModelClient: answers each request with a function of it. Used instead of the shared
// scripted model so these tests only depend on the ModelClient contract (src/models/model.ts).
import type { ModelClient, ModelRequest, ModelResponse } from '../../../src/models/model.js';

export type Answer = string | Record<string, unknown>;

export interface FnClient extends ModelClient {
  requests: ModelRequest[];
}

export function fnClient(answer: (request: ModelRequest, index: number) => Answer, options: { provider?: string; modelId?: string; cost?: number } = {}): FnClient {
  const requests: ModelRequest[] = [];
  return {
    specificationVersion: 'v1',
    provider: options.provider ?? 'scripted',
    modelId: options.modelId ?? 'fn',
    capabilities: { structuredOutput: true, logprobs: false, seed: true },
    requests,
    async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      const index = requests.push(request as ModelRequest) - 1;
      const a = answer(request as ModelRequest, index);
      const text = typeof a === 'string' ? a : JSON.stringify(a);
      const parsed = typeof a === 'string' ? undefined : request.output?.schema.safeParse(a);
      return {
        text,
        ...(parsed?.success ? { object: parsed.data } : {}),
        usage: { inputTokens: 10, outputTokens: 5, cachedInputTokens: 0, reasoningTokens: 0 },
        finishReason: 'stop',
        provider: options.provider ?? 'scripted',
        modelId: options.modelId ?? 'fn',
        attempts: [{ attempt: 1, ok: true }],
        ...(options.cost === undefined ? {} : { cost: options.cost }),
      };
    },
  };
}

/** The last user message of a request. */
export const lastUser = (r: ModelRequest): string => [...r.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
