// Turns every call (success or final failure) into a `model-call` record for the trace. The engine
// passes `onCall` that hands the record to the trace writer, which adds `seq` and `time`.
import { PolisError } from '../../core/errors/polis-error.js';
import { ModelCallError } from '../../core/errors/model-call-error.js';
import { BudgetExceededError } from '../../core/errors/budget-exceeded-error.js';
import { zeroUsage, type ModelClient, type ModelRequest, type ModelResponse } from '../model.js';
import { wrapModel } from './wrap-model.js';
import type { ModelCallRecord } from '../replay/replay-client.js';
import { canonicalRequest, requestHash } from '../request-hash.js';

export interface RecordingOptions {
  /** Receives one record per call, in completion order. May be async; the call waits for it. */
  onCall: (record: ModelCallRecord) => void | Promise<void>;
}

/** Records `client`'s calls. Budget refusals are not recorded: no request reached a provider. */
export function withRecording(client: ModelClient, options: RecordingOptions): ModelClient {
  return wrapModel(client, async <T>(request: ModelRequest<T>): Promise<ModelResponse<T>> => {
    const canonical = canonicalRequest(request as ModelRequest);
    const hash = requestHash(request as ModelRequest);
    const c = request.call ?? {};
    const base = {
      type: 'model-call' as const,
      agent: c.agentId ?? 'unknown',
      requestHash: hash,
      call: {
        ...(c.purpose === undefined ? {} : { purpose: c.purpose }),
        ...(c.turn === undefined ? {} : { turn: c.turn }),
        ...(c.replicate === undefined ? {} : { replicate: c.replicate }),
        ...(c.position === undefined ? {} : { position: c.position }),
        ...(c.role === undefined ? {} : { role: c.role }),
      },
      request: {
        messages: canonical.messages,
        ...(canonical.schema === null ? {} : { schema: canonical.schema }),
        ...(request.sampling === undefined ? {} : { sampling: request.sampling }),
      },
    };
    let response: ModelResponse<T>;
    try {
      response = await client.generate(request);
    } catch (error) {
      if (!(error instanceof BudgetExceededError)) {
        await options.onCall({
          ...base,
          provider: client.provider,
          modelId: client.modelId,
          response: { text: '', finishReason: 'error' },
          usage: zeroUsage(),
          cost: 0,
          attempts: error instanceof ModelCallError ? error.attempts : [],
          cache: 'off',
          error: {
            code: error instanceof PolisError ? error.code : 'model_call_failed',
            message: error instanceof Error ? error.message : String(error),
          },
        });
      }
      throw error;
    }
    await options.onCall({
      ...base,
      provider: response.provider,
      modelId: response.modelId,
      response: {
        text: response.text,
        ...(response.object === undefined ? {} : { object: response.object }),
        finishReason: response.finishReason,
        ...(response.refusal === undefined ? {} : { refusal: response.refusal }),
      },
      usage: { ...response.usage },
      cost: response.cost ?? 0,
      attempts: response.attempts,
      cache: response.cache ?? 'off',
    });
    return response;
  });
}
