// Serves recorded model calls back in a rerun. Each request is matched to its recording by call
// position (agent, purpose, turn, position, replicate; by hash, oldest first, when a key repeats) and
// must hash exactly like the recorded request; anything else is a RerunDivergedError naming the call and part.
import { RerunDivergedError, type RerunDivergence } from '../../core/errors/rerun-diverged-error.js';
import { AbortedError } from '../../core/errors/aborted-error.js';
import { canonicalJson } from '../../core/hash.js';
import type { ModelCallEvent } from '../../traces/event.js';
import type { ModelCapabilities, ModelClient, ModelRequest, ModelResponse } from '../model.js';
import { canonicalRequest, requestHash } from '../request-hash.js';
import { validObject } from '../output-object.js';

/** A recorded call: a `model-call` event without `seq`/`time` (kept when present, to name the call). */
export type ModelCallRecord = Omit<ModelCallEvent, 'seq' | 'time'> & { seq?: number; time?: number };

export interface ReplayClientOptions {
  /** Reported provider and model. @default those of the first record, else `replay` */
  provider?: string;
  modelId?: string;
}

const keyOf = (agent: string | undefined, c: { purpose?: string; turn?: number; position?: number; replicate?: number }): string =>
  canonicalJson([agent ?? 'unknown', c.purpose ?? null, c.turn ?? null, c.position ?? 0, c.replicate ?? 0]);

export class ReplayClient implements ModelClient {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly capabilities: ModelCapabilities = { structuredOutput: true, logprobs: false, seed: true };
  /** Calls served so far. */
  served = 0;
  private readonly queues = new Map<string, ModelCallRecord[]>();

  constructor(records: readonly ModelCallRecord[], options: ReplayClientOptions = {}) {
    this.provider = options.provider ?? 'replay';
    this.modelId = options.modelId ?? records[0]?.modelId ?? 'replay';
    for (const record of records) {
      const key = keyOf(record.agent, record.call);
      const queue = this.queues.get(key) ?? [];
      queue.push(record);
      this.queues.set(key, queue);
    }
  }

  /** Recorded calls not yet served. */
  get remaining(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Whether a recording waits at this call's position (agent, purpose, turn, position, replicate). */
  has(call: ModelRequest['call']): boolean {
    return Boolean(this.queues.get(keyOf(call?.agentId, call ?? {}))?.length);
  }

  /**
   * Removes and returns the recording that answers `request`: same position key and same request hash
   * (oldest first when a key repeats). Throws RerunDivergedError naming the call when none matches.
   */
  take(request: ModelRequest): ModelCallRecord {
    const call = request.call ?? {};
    const where = {
      agent: call.agentId ?? 'unknown',
      ...(call.turn === undefined ? {} : { turn: call.turn }),
      ...(call.purpose === undefined ? {} : { purpose: call.purpose }),
      ...(call.position === undefined ? {} : { position: call.position }),
      ...(call.replicate === undefined ? {} : { replicate: call.replicate }),
    };
    const queue = this.queues.get(keyOf(call.agentId, call));
    if (!queue?.length) throw new RerunDivergedError({ ...where, part: 'missing', detail: 'no recorded call at this position' });
    // Calls that share a position key (callers that set no position) are served by hash, oldest first.
    const hash = requestHash(request);
    const index = queue.findIndex((r) => r.requestHash === hash);
    if (index < 0) throw new RerunDivergedError(describe(request, queue[0] as ModelCallRecord, where));
    const record = queue.splice(index, 1)[0] as ModelCallRecord;
    if (record.error) throw new RerunDivergedError({ ...where, ...seqOf(record), part: 'missing', detail: `the recorded call failed (${record.error.code}: ${record.error.message})` });
    return record;
  }

  async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
    if (request.signal?.aborted) throw new AbortedError('replayed call aborted');
    return this.respond(request, this.take(request as ModelRequest));
  }

  /** The response a recording gives to `request` (counted as served). */
  respond<T>(request: ModelRequest<T>, record: ModelCallRecord): ModelResponse<T> {
    this.served++;
    const object = request.output ? validObject(request, record.response.text, record.response.object) : undefined;
    return {
      text: record.response.text,
      ...(object === undefined ? {} : { object }),
      usage: { ...record.usage },
      finishReason: record.response.finishReason as ModelResponse['finishReason'],
      ...(record.response.refusal === undefined ? {} : { refusal: record.response.refusal }),
      provider: record.provider,
      modelId: record.modelId,
      attempts: record.attempts.map((a) => ({ ...a })),
    };
  }
}

const seqOf = (record: ModelCallRecord): { recordedSeq?: number } => (record.seq === undefined ? {} : { recordedSeq: record.seq });

/** Names the first part of the request that differs from the recording. */
function describe(request: ModelRequest, record: ModelCallRecord, where: Omit<RerunDivergence, 'part' | 'detail'>): RerunDivergence {
  const now = canonicalRequest(request);
  const base = { ...where, ...seqOf(record) };
  const recorded = record.request.messages;
  const n = Math.max(now.messages.length, recorded.length);
  for (let i = 0; i < n; i++) {
    const a = now.messages[i];
    const b = recorded[i];
    if (!a || !b || a.role !== b.role || a.content !== b.content) {
      const detail = !a
        ? `message ${i} is missing (recorded ${recorded.length} messages, now ${now.messages.length})`
        : !b
          ? `message ${i} is new (recorded ${recorded.length} messages, now ${now.messages.length})`
          : `message ${i} (${a.role}) was "${clip(b.content)}", now "${clip(a.content)}"`;
      return { ...base, part: 'messages', messageIndex: i, detail };
    }
  }
  if (canonicalJson(now.schema) !== canonicalJson(record.request.schema ?? null)) {
    return { ...base, part: 'schema', detail: 'the output schema changed' };
  }
  if (canonicalJson(now.sampling) !== canonicalJson(record.request.sampling ?? {})) {
    return { ...base, part: 'sampling', detail: `recorded ${canonicalJson(record.request.sampling ?? {})}, now ${canonicalJson(now.sampling)}` };
  }
  return { ...base, part: 'position', detail: 'the call context hashes differently (agent, turn, purpose, position or replicate)' };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
