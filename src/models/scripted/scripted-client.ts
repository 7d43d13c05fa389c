// A deterministic model for tests and offline runs: answers by rule, by sequence, by function, or with
// a seeded random instance of the output schema (`scripted:random`, the embedded default model).
import { AbortedError } from '../../core/errors/aborted-error.js';
import { ConfigError } from '../../core/errors/config-error.js';
import { hash32, Rng } from '../../core/rng.js';
import { toJsonSchema } from '../json-schema.js';
import type { FinishReason, ModelCapabilities, ModelClient, ModelRequest, ModelResponse, Usage } from '../model.js';
import { validObject } from '../output-object.js';
import { requestHash } from '../request-hash.js';
import { defaultSleep, type Sleep } from '../sleep.js';
import { randomInstance } from './random-instance.js';

/** A scripted answer: a string is the text; an object sets any of text, object, finish reason, refusal, usage. */
export type ScriptedAnswer =
  | string
  | { text?: string; object?: unknown; finishReason?: FinishReason; refusal?: string; usage?: Partial<Usage> };

/** Answers `reply` when `when` matches: a predicate, or a string / RegExp tested on the last user message. */
export interface ScriptedRule {
  when: string | RegExp | ((request: ModelRequest) => boolean);
  reply: ScriptedAnswer | ((request: ModelRequest, index: number) => ScriptedAnswer);
}

export interface ScriptedClientOptions {
  /** Rules tried in order; the first match answers. A request no rule matches falls to `respond`, then `fallback`. */
  rules?: ScriptedRule[];
  /** Answers in call order. */
  sequence?: ScriptedAnswer[];
  /** What happens after the last answer of `sequence`. @default 'error' */
  whenExhausted?: 'cycle' | 'error';
  /** Answers any request; `index` is the 0-based call count. */
  respond?: (request: ModelRequest, index: number) => ScriptedAnswer | Promise<ScriptedAnswer>;
  /** Seeded random answers (a valid instance of the output schema, or random words). @default false */
  random?: boolean;
  /** Seed mixed into random answers. @default 0 */
  seed?: number;
  /** Answer when nothing else applies. @default throws */
  fallback?: ScriptedAnswer;
  /** Reported usage; a function receives the request and the answer text. @default chars/4 estimate */
  usage?: Partial<Usage> | ((request: ModelRequest, text: string) => Partial<Usage>);
  /** Simulated latency in ms per call (a number or a function of the call index). @default 0 */
  latencyMs?: number | ((index: number, request: ModelRequest) => number);
  /** Sleep used for latency; inject a fake in tests. @default setTimeout */
  sleep?: Sleep;
  /** Throw `error` at these 0-based call indexes (before answering). */
  failures?: Array<{ at: number | number[]; error: Error | ((index: number) => Error) }>;
  /** Reported model id. @default 'scripted' */
  modelId?: string;
  /** Claim native structured output (answers objects directly). @default true */
  structuredOutput?: boolean;
  /**
   * Keep every request in `requests` (for tests to inspect). The embedded offline model turns it off: a long
   * run's prompts would otherwise all stay in memory. @default true
   */
  keepRequests?: boolean;
}

const estimate = (text: string): number => Math.ceil(text.length / 4);

export class ScriptedClient implements ModelClient {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'scripted';
  readonly modelId: string;
  readonly capabilities: ModelCapabilities;
  /** Number of `generate` calls so far (failed ones included). */
  calls = 0;
  /** Every request received, in order (empty with `keepRequests: false`). */
  readonly requests: ModelRequest[] = [];

  constructor(private readonly options: ScriptedClientOptions = {}) {
    this.modelId = options.modelId ?? (options.random ? 'random' : 'scripted');
    this.capabilities = { structuredOutput: options.structuredOutput ?? true, logprobs: false, seed: true };
    if (!options.rules && !options.sequence && !options.respond && !options.random && options.fallback === undefined) {
      throw ConfigError.at('scripted', 'give at least one of rules, sequence, respond, random or fallback');
    }
  }

  async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
    const index = this.calls++;
    if (this.options.keepRequests !== false) this.requests.push(request as ModelRequest);
    if (request.signal?.aborted) throw new AbortedError('scripted call aborted');
    const latency = typeof this.options.latencyMs === 'function' ? this.options.latencyMs(index, request as ModelRequest) : (this.options.latencyMs ?? 0);
    if (latency > 0) await (this.options.sleep ?? defaultSleep)(latency, request.signal);
    for (const failure of this.options.failures ?? []) {
      const at = Array.isArray(failure.at) ? failure.at : [failure.at];
      if (at.includes(index)) throw typeof failure.error === 'function' ? failure.error(index) : failure.error;
    }
    const answer = await this.answer(request as ModelRequest, index);
    const a = typeof answer === 'string' ? { text: answer } : answer;
    const text = a.text ?? (a.object === undefined ? '' : JSON.stringify(a.object));
    const object = a.refusal ? undefined : validObject(request, text, a.object);
    const prompt = request.messages.reduce((n, m) => n + m.content.length, 0);
    const custom = typeof this.options.usage === 'function' ? this.options.usage(request as ModelRequest, text) : this.options.usage;
    const usage: Usage = {
      inputTokens: Math.ceil(prompt / 4),
      outputTokens: estimate(text),
      cachedInputTokens: 0,
      reasoningTokens: 0,
      ...custom,
      ...a.usage,
    };
    return {
      text,
      ...(object === undefined ? {} : { object }),
      usage,
      finishReason: a.finishReason ?? (a.refusal ? 'refusal' : 'stop'),
      ...(a.refusal ? { refusal: a.refusal } : {}),
      provider: this.provider,
      modelId: this.modelId,
      attempts: [{ attempt: 1, ok: true, durationMs: latency }],
    };
  }

  private async answer(request: ModelRequest, index: number): Promise<ScriptedAnswer> {
    const o = this.options;
    for (const rule of o.rules ?? []) {
      if (matches(rule.when, request)) return typeof rule.reply === 'function' ? rule.reply(request, index) : rule.reply;
    }
    if (o.sequence) {
      const n = o.sequence.length;
      if (index < n || (o.whenExhausted === 'cycle' && n > 0)) return o.sequence[index % n] as ScriptedAnswer;
      if (!o.respond && !o.random && o.fallback === undefined) {
        throw new RangeError(`scripted model: call ${index + 1} but the sequence has only ${n} answer(s)`);
      }
    }
    if (o.respond) return o.respond(request, index);
    if (o.random) return randomAnswer(request, o.seed ?? 0);
    if (o.fallback !== undefined) return o.fallback;
    const last = request.messages.at(-1)?.content.slice(0, 80) ?? '';
    throw new RangeError(`scripted model: no rule matches the request ending "${last}"`);
  }
}

function roundNumbers(value: unknown, step: number): unknown {
  if (step === 0) return value;
  if (typeof value === 'number') return Math.round(value / step) * step;
  if (Array.isArray(value)) return value.map((v) => roundNumbers(v, step));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v, step)]));
  return value;
}

function matches(when: ScriptedRule['when'], request: ModelRequest): boolean {
  if (typeof when === 'function') return when(request);
  const last = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  return typeof when === 'string' ? last.includes(when) : when.test(last);
}

/**
 * Seeded by the request hash (which includes the call position and replicate), never by call order,
 * so concurrent calls get the same answers in any interleaving.
 */
function randomAnswer(request: ModelRequest, seed: number): ScriptedAnswer {
  const rng = Rng.fromSeed(hash32(`${seed}:${requestHash(request)}`), 'scripted');
  const format = request.answerFormat;
  if (format) {
    // The caller's own protocol: a value it accepts, written the way it reads answers.
    const json = toJsonSchema(format.schema);
    for (let tries = 0; tries < 100; tries++) {
      // Later tries round numbers to ever coarser steps: legality rules often want a grid (0, 10, ..., 100).
      const step = tries < 40 ? 0 : [1, 10, 5, 0.5, 0.1, 100][tries % 6]!;
      const drawn = format.schema.safeParse(roundNumbers(randomInstance(json, rng), step));
      if (!drawn.success || (format.accept && !format.accept(drawn.data))) continue;
      if (request.output) return { object: drawn.data };
      return { text: format.format ? format.format(drawn.data) : JSON.stringify(drawn.data) };
    }
  }
  if (!request.output) {
    return { text: Array.from({ length: rng.int(3, 8) }, () => randomInstance({ type: 'string' }, rng)).join(' ') };
  }
  const json = toJsonSchema(request.output.schema);
  for (let tries = 0; tries < 20; tries++) {
    const value = randomInstance(json, rng);
    if (request.output.schema.safeParse(value).success) return { object: value };
  }
  throw new RangeError(`scripted:random could not draw a valid instance of schema '${request.output.name ?? 'output'}' (refinements or formats it cannot satisfy); script this call instead`);
}
