// Serves recorded model calls again (rerun, resume, fork) and re-emits each recorded call verbatim to
// the engine's recorder, so a rerun's trace equals the original. Calls past the replay window go live.
import { RerunDivergedError } from '../core/errors/rerun-diverged-error.js';
import { canonicalJson } from '../core/hash.js';
import type { ModelClient, ModelRequest, ModelResponse } from '../models/model.js';
import { ReplayClient } from '../models/replay/replay-client.js';
import type { ModelCallRecord } from './call-recorder.js';

export interface ReplayWindow {
  records: readonly ModelCallRecord[];
  /** `strict`: every call must be recorded (rerun). `then-live`: unrecorded calls go to `live`. */
  mode: 'strict' | 'then-live';
  /** Calls of turns >= this go live without looking at recordings (fork). */
  liveFromTurn?: number;
}

const keyOf = (agent: string | undefined, c: { purpose?: string; turn?: number; position?: number; replicate?: number }): string =>
  canonicalJson([agent ?? 'unknown', c.purpose ?? null, c.turn ?? null, c.position ?? 0, c.replicate ?? 0]);

/** Shared by all the run's clients: one queue of recordings per call position. */
export class ReplayBook {
  readonly replay: ReplayClient;
  private readonly queues = new Map<string, ModelCallRecord[]>();
  served = 0;

  constructor(readonly window: ReplayWindow) {
    this.replay = new ReplayClient(window.records);
    for (const r of window.records) {
      const key = keyOf(r.agent, r.call);
      const q = this.queues.get(key) ?? [];
      q.push(r);
      this.queues.set(key, q);
    }
  }

  /** A client that serves from the book and falls through to `live` where the window allows. */
  client(liveClient: ModelClient | undefined, record: (r: ModelCallRecord) => void): ModelClient {
    const book = this;
    // A strict rerun only borrows the live client's identity; it never calls it.
    const live = book.window.mode === 'strict' ? undefined : liveClient;
    return {
      specificationVersion: 'v1',
      provider: liveClient?.provider ?? 'replay',
      modelId: liveClient?.modelId ?? 'replay',
      capabilities: liveClient?.capabilities ?? book.replay.capabilities,
      async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
        const call = request.call ?? {};
        const inWindow = book.window.liveFromTurn === undefined || (call.turn ?? 0) < book.window.liveFromTurn;
        const key = keyOf(call.agentId, call);
        const queue = book.queues.get(key);
        const strict = book.window.mode === 'strict';
        if (strict || (inWindow && queue?.length)) {
          const response = await book.replay.generate(request); // validates the request hash
          const recorded = queue!.shift()!;
          book.served++;
          const { seq: _seq, ...rest } = recorded as ModelCallRecord & { seq?: number };
          record(rest);
          return { ...response, cost: recorded.cost, cache: recorded.cache };
        }
        if (!live) throw new RerunDivergedError({ agent: call.agentId ?? 'unknown', part: 'missing', detail: 'no recorded call and no live model' });
        return live.generate(request);
      },
    };
  }
}
