// Keeps calls to one provider+model inside its limits: a p-queue caps concurrency, and a sliding-window
// log keeps requests and estimated tokens at or under the per-minute limits prorated to every window of
// `windowMs` (providers enforce per-minute limits over short windows). Clients for one key share a state.
import PQueue from 'p-queue';
import { ModelCallError } from '../../core/errors/model-call-error.js';
import type { ModelClient, ModelRequest, ModelResponse } from '../model.js';
import { wrapModel } from './wrap-model.js';
import { AbortedError } from '../../core/errors/aborted-error.js';
import { defaultSleep, type Sleep } from '../sleep.js';

export interface PacingOptions {
  /** Most calls in flight at once. @default 8 */
  concurrency?: number;
  /** Most requests per minute, enforced over every sliding `windowMs` (as providers do). @default unlimited */
  requestsPerMinute?: number;
  /** Most input+output tokens per minute, over every sliding `windowMs`; input is estimated as chars/4 before the call, corrected after. @default unlimited */
  tokensPerMinute?: number;
  /** The sliding window in ms over which the per-minute limits are prorated: 1000 allows rpm/60 requests in any second. @default 1000 */
  windowMs?: number;
  /**
   * Extra ms an admission stays in the window: the server clocks a request when it arrives, a little
   * after we admit it, so without this margin two requests one window apart can land inside one. @default windowMs / 40
   */
  windowMarginMs?: number;
  /** Halve concurrency on a 429 and add one back after `recoverAfter` successes. @default true */
  adaptive?: boolean;
  /** Successes in a row that restore one unit of concurrency. @default 10 */
  recoverAfter?: number;
  /** Share limits across clients with the same key. @default `${provider}:${modelId}` */
  key?: string;
  /**
   * Where admissions are counted: another process-wide or cross-process sliding window (queue workers
   * share one through Redis). @default this state's own in-process window
   */
  window?: RateWindow;
  /** Registry of shared states. @default a process-wide registry */
  registry?: PacingRegistry;
  /** Monotonic milliseconds. @default performance.now */
  now?: () => number;
  /** @default setTimeout */
  sleep?: Sleep;
}

/** One admitted call in the sliding window: when it started and the tokens charged to it. */
export interface Admission {
  at: number;
  tokens: number;
  /** The window's own name for it (a shared window's entry). */
  id?: string;
}

/** A sliding window of admissions that PaceState can delegate to (see `PacingOptions.window`). */
export interface RateWindow {
  /** Waits until one more request of `tokens` estimated tokens fits, then records it. */
  admit(tokens: number, signal?: AbortSignal): Promise<Admission>;
  /** Charges the actual tokens of an admitted call. */
  correctTokens(admission: Admission, actual: number): void;
  /** Takes back a refused admission (a 429). */
  release(admission: Admission): void;
}

/** The shared limit state of one provider+model key. */
export class PaceState {
  readonly queue: PQueue;
  /** Current (adaptive) concurrency limit. */
  concurrency: number;
  private readonly window: Admission[] = [];
  private windowTokens = 0;
  private gate: Promise<void> = Promise.resolve();
  private successes = 0;

  constructor(readonly options: Required<Pick<PacingOptions, 'concurrency' | 'adaptive' | 'recoverAfter' | 'now' | 'sleep' | 'windowMs'>> & PacingOptions) {
    this.concurrency = options.concurrency;
    this.queue = new PQueue({ concurrency: options.concurrency });
  }

  /**
   * Waits (first come, first served) until one more request of `tokens` estimated tokens fits in the
   * sliding window, then records it. Late timers only make us slower, never over the limit.
   */
  admit(tokens: number, signal?: AbortSignal): Promise<Admission> {
    if (this.options.window) return this.options.window.admit(tokens, signal);
    const { requestsPerMinute: rpm, tokensPerMinute: tpm } = this.options;
    const windowMs = this.options.windowMs + (this.options.windowMarginMs ?? this.options.windowMs / 40);
    const requestCap = rpm === undefined ? Infinity : Math.max(1, (rpm * windowMs) / 60_000);
    const tokenCap = tpm === undefined ? Infinity : (tpm * windowMs) / 60_000;
    if (rpm === undefined && tpm === undefined) return Promise.resolve({ at: 0, tokens });
    const turn = this.gate.then(async () => {
      for (;;) {
        const now = this.options.now();
        while (this.window.length && (this.window[0] as Admission).at <= now - windowMs) {
          this.windowTokens -= (this.window.shift() as Admission).tokens;
        }
        const fits = this.window.length + 1 <= requestCap && (this.window.length === 0 || this.windowTokens + tokens <= tokenCap);
        if (fits) {
          const admission = { at: now, tokens };
          if (rpm !== undefined || tpm !== undefined) {
            this.window.push(admission);
            this.windowTokens += tokens;
          }
          return admission;
        }
        await this.options.sleep(Math.max(1, (this.window[0] as Admission).at + windowMs - now), signal);
      }
    });
    this.gate = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /** Charges (or refunds) the difference between actual and estimated tokens of an admitted call. */
  correctTokens(admission: Admission, actual: number): void {
    if (this.options.window) return this.options.window.correctTokens(admission, actual);
    if (this.window.includes(admission)) this.windowTokens += actual - admission.tokens;
    admission.tokens = actual;
  }

  /** Takes back an admission the provider refused (a 429 is not counted against its limit). */
  release(admission: Admission): void {
    if (this.options.window) return this.options.window.release(admission);
    const i = this.window.indexOf(admission);
    if (i >= 0) {
      this.window.splice(i, 1);
      this.windowTokens -= admission.tokens;
    }
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
        windowMs: options.windowMs ?? 1000,
        now: options.now ?? (() => performance.now()),
        sleep: options.sleep ?? defaultSleep,
      }),
  );
  return wrapModel(client, <T>(request: ModelRequest<T>): Promise<ModelResponse<T>> => {
    const queued = state.queue.add(
      async () => {
        const estimate = estimateInput(request as ModelRequest) + (request.sampling?.maxTokens ?? 0);
        const admission = await state.admit(estimate, request.signal);
        try {
          const response = await client.generate(request);
          state.succeeded();
          state.correctTokens(admission, response.usage.inputTokens + response.usage.outputTokens);
          return response;
        } catch (error) {
          if (error instanceof ModelCallError && error.status === 429) {
            state.rateLimited();
            state.release(admission);
          }
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
  });
}
