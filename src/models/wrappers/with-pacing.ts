// Keeps calls to one provider+model inside its limits: a p-queue caps concurrency, and a GCRA spacer
// (evenly spaced start times, no bursts) keeps requests and estimated tokens per minute at or under the
// limits over any window, which is how providers enforce them. Clients for the same key share one state.
import PQueue from 'p-queue';
import { ModelCallError } from '../../core/errors/model-call-error.js';
import type { ModelClient, ModelRequest, ModelResponse } from '../model.js';
import { AbortedError } from '../../core/errors/aborted-error.js';
import { defaultSleep, type Sleep } from '../sleep.js';

export interface PacingOptions {
  /** Most calls in flight at once. @default 8 */
  concurrency?: number;
  /** Most requests started in any 60 s window (spaced evenly). @default unlimited */
  requestsPerMinute?: number;
  /** Most input+output tokens per 60 s; input is estimated as chars/4 before the call, corrected after. @default unlimited */
  tokensPerMinute?: number;
  /** Halve concurrency on a 429 and add one back after `recoverAfter` successes. @default true */
  adaptive?: boolean;
  /** Successes in a row that restore one unit of concurrency. @default 10 */
  recoverAfter?: number;
  /** Share limits across clients with the same key. @default `${provider}:${modelId}` */
  key?: string;
  /** Registry of shared states. @default a process-wide registry */
  registry?: PacingRegistry;
  /** Monotonic milliseconds. @default performance.now */
  now?: () => number;
  /** @default setTimeout */
  sleep?: Sleep;
}

/** The shared limit state of one provider+model key. */
export class PaceState {
  readonly queue: PQueue;
  /** Current (adaptive) concurrency limit. */
  concurrency: number;
  private requestTat = 0;
  private tokenTat = 0;
  private successes = 0;

  constructor(readonly options: Required<Pick<PacingOptions, 'concurrency' | 'adaptive' | 'recoverAfter' | 'now' | 'sleep'>> & PacingOptions) {
    this.concurrency = options.concurrency;
    this.queue = new PQueue({ concurrency: options.concurrency });
  }

  /** Reserves a start time for a request of `tokens` estimated tokens and waits until it comes. */
  async admit(tokens: number, signal?: AbortSignal): Promise<void> {
    const now = this.options.now();
    let start = now;
    const rpm = this.options.requestsPerMinute;
    const tpm = this.options.tokensPerMinute;
    if (rpm) start = Math.max(start, this.requestTat);
    if (tpm) start = Math.max(start, this.tokenTat);
    if (rpm) this.requestTat = start + 60_000 / rpm;
    if (tpm) this.tokenTat = start + (tokens * 60_000) / tpm;
    if (start > now) await this.options.sleep(start - now, signal);
  }

  /** Charges (or refunds) the difference between actual and estimated tokens. */
  correctTokens(delta: number): void {
    const tpm = this.options.tokensPerMinute;
    if (tpm) this.tokenTat += (delta * 60_000) / tpm;
  }

  succeeded(): void {
    if (!this.options.adaptive || this.concurrency >= this.options.concurrency) return;
    if (++this.successes >= this.options.recoverAfter) {
      this.successes = 0;
      this.setConcurrency(this.concurrency + 1);
    }
  }

  rateLimited(): void {
    this.successes = 0;
    if (this.options.adaptive) this.setConcurrency(Math.max(1, Math.floor(this.concurrency / 2)));
  }

  private setConcurrency(n: number): void {
    this.concurrency = n;
    this.queue.concurrency = n;
  }
}

/** Pacing states by key. */
export class PacingRegistry {
  private readonly states = new Map<string, PaceState>();
  get(key: string, make: () => PaceState): PaceState {
    let state = this.states.get(key);
    if (!state) {
      state = make();
      this.states.set(key, state);
    }
    return state;
  }
}

export const defaultPacingRegistry = new PacingRegistry();

const estimateInput = (request: ModelRequest): number =>
  Math.ceil(request.messages.reduce((n, m) => n + m.content.length, 0) / 4);

/** Paces calls to `client` (see {@link PacingOptions}). The first client to create a key sets its limits. */
export function withPacing(client: ModelClient, options: PacingOptions = {}): ModelClient {
  const key = options.key ?? `${client.provider}:${client.modelId}`;
  const state = (options.registry ?? defaultPacingRegistry).get(
    key,
    () =>
      new PaceState({
        ...options,
        concurrency: options.concurrency ?? 8,
        adaptive: options.adaptive ?? true,
        recoverAfter: options.recoverAfter ?? 10,
        now: options.now ?? (() => performance.now()),
        sleep: options.sleep ?? defaultSleep,
      }),
  );
  return {
    specificationVersion: 'v1',
    provider: client.provider,
    modelId: client.modelId,
    capabilities: client.capabilities,
    generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      const queued = state.queue.add(
        async () => {
          const estimate = estimateInput(request as ModelRequest) + (request.sampling?.maxTokens ?? 0);
          await state.admit(estimate, request.signal);
          try {
            const response = await client.generate(request);
            state.succeeded();
            state.correctTokens(response.usage.inputTokens + response.usage.outputTokens - estimate);
            return response;
          } catch (error) {
            if (error instanceof ModelCallError && error.status === 429) state.rateLimited();
            throw error;
          }
        },
        request.signal ? { signal: request.signal } : {},
      ) as Promise<ModelResponse<T>>;
      // p-queue rejects a queued call with the signal's reason; callers expect AbortedError.
      return queued.catch((error: unknown) => {
        if (request.signal?.aborted && !(error instanceof AbortedError)) throw new AbortedError('call aborted while queued', { cause: error });
        throw error;
      });
    },
  };
}
