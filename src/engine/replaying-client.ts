// Serves recorded model calls again (rerun, resume, fork) and re-emits each recorded call verbatim to
// the engine's recorder, so a rerun's trace equals the original. Calls past the replay window go live.
import { AbortedError } from '../core/errors/aborted-error.js';
import { RerunDivergedError } from '../core/errors/rerun-diverged-error.js';
import type { ModelClient, ModelRequest, ModelResponse } from '../models/model.js';
import { ReplayClient } from '../models/replay/replay-client.js';
import { wrapModel } from '../models/wrappers/wrap-model.js';
import type { ModelCallRecord } from './call-recorder.js';

export interface ReplayWindow {
  records: readonly ModelCallRecord[];
  /** `strict`: every call must be recorded (rerun). `then-live`: unrecorded calls go to `live`. */
  mode: 'strict' | 'then-live';
  /** Calls of turns >= this go live without looking at recordings (fork). */
  liveFromTurn?: number;
}

/** Shared by all the run's clients: the recordings, matched by the replay client. */
export class ReplayBook {
  private readonly replay: ReplayClient;

  constructor(readonly window: ReplayWindow) {
    this.replay = new ReplayClient(window.records);
  }

  /** Calls that reached a live model (past the recording, in fork and resume); a strict rerun makes none. */
  liveCalls = 0;

  /** Recorded calls served so far. */
  get served(): number {
    return this.replay.served;
  }

  /** A client that serves from the book and falls through to `live` where the window allows. */
  client(liveClient: ModelClient | undefined, record: (r: ModelCallRecord) => void): ModelClient {
    const { replay, window } = this;
    const book = this;
    // A strict rerun only borrows the live client's identity; it never calls it.
    const live = window.mode === 'strict' ? undefined : liveClient;
    const identity = liveClient ?? { provider: 'replay', modelId: 'replay', capabilities: replay.capabilities };
    return wrapModel(identity, async <T>(request: ModelRequest<T>): Promise<ModelResponse<T>> => {
      const call = request.call ?? {};
      const inWindow = window.liveFromTurn === undefined || (call.turn ?? 0) < window.liveFromTurn;
      if (window.mode === 'strict' || (inWindow && replay.has(call))) {
        if (request.signal?.aborted) throw new AbortedError('replayed call aborted');
        const { seq: _seq, ...recorded } = replay.take(request as ModelRequest) as ModelCallRecord & { seq?: number };
        const response = replay.respond(request, recorded);
        record(recorded);
        return { ...response, cost: recorded.cost, cache: recorded.cache };
      }
      if (!live) throw new RerunDivergedError({ agent: call.agentId ?? 'unknown', part: 'missing', detail: 'no recorded call and no live model' });
      book.liveCalls++;
      return live.generate(request);
    });
  }
}
