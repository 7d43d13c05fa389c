// Routes model-call records from the model stack's recording wrapper into the engine, which files each
// call under the agent that made it, so a concurrent phase's events are written in a fixed order.
import type { ModelCallRecord } from '../models/replay/replay-client.js';

export type { ModelCallRecord };

export class CallRecorder {
  private target: ((record: ModelCallRecord) => void) | undefined;
  private pending: ModelCallRecord[] = [];

  /** Give this to the model stack's recording wrapper as its `onCall` sink. */
  readonly record = (record: ModelCallRecord): void => {
    if (this.target) this.target(record);
    else this.pending.push(record);
  };

  /** Used by the engine: where records go from now on (pending ones are delivered first). */
  attach(target: (record: ModelCallRecord) => void): void {
    this.target = target;
    const pending = this.pending;
    this.pending = [];
    for (const r of pending) target(r);
  }

  detach(): void {
    this.target = undefined;
  }
}
