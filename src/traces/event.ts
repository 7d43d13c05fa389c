// The trace contract. A trace is JSONL: one header line, then one event per line. Events are
// append-only; judges and forks write new traces, never edit one. Types only: the zod schemas that
// validate them on read live in `schema.ts`.

/** The first line of every trace file. */
export interface TraceHeader {
  type: 'header';
  schemaVersion: number;
  runId: string;
  sdk: { name: string; version: string };
  /** Versions of packages that affect results (openai, node-llama-cpp, ...). */
  packages: Record<string, string>;
  /** The resolved run config. */
  config: unknown;
  /** The root seed and any named sub-seeds. */
  seeds: { root: number } & Record<string, number>;
  /** Model bindings by agent id (or `judge:...`): provider and model id. */
  models: Record<string, { provider: string; modelId: string }>;
  /** Prompt template hashes by `id@version`. */
  prompts: Record<string, string>;
  /** The trace this one was forked or judged from, if any. */
  parent?: { runId: string; atSeq?: number; relation: 'fork' | 'judged' | 'resumed' };
  /** The only wall-clock field of the header (ISO 8601). */
  createdAt: string;
}

/** Fields every event has. */
export interface EventBase {
  /** 0-based, dense, increasing: the event's position in the trace. */
  seq: number;
  /** Logical time: the round / tick / step of the run. Never wall-clock. */
  time: number;
  agent?: string;
  /** `seq` of the events that caused this one. */
  parents?: number[];
  /** Wall-clock ms since the epoch; excluded from determinism comparisons. */
  wall?: number;
}

export interface RunStartEvent extends EventBase {
  type: 'run-start';
  game: { name: string; version: string };
  agents: Array<{ id: string; role: string; policy: string; usesModel: boolean; persona?: unknown }>;
}

export interface PhaseStartEvent extends EventBase {
  type: 'phase-start';
  phase: { kind: string; agents: string[]; round: number; label?: string; channel?: string };
}

export interface ObservationEvent extends EventBase {
  type: 'observation';
  agent: string;
  observation: unknown;
}

export interface ModelCallEvent extends EventBase {
  type: 'model-call';
  /** Agent id or judge id. */
  agent: string;
  provider: string;
  modelId: string;
  /** sha256 of the canonical request (messages, output schema, sampling, call position). */
  requestHash: string;
  call: { purpose?: string; turn?: number; replicate?: number; position?: number; role?: string };
  request: { messages: Array<{ role: string; content: string }>; schema?: unknown; sampling?: unknown };
  response: { text: string; object?: unknown; finishReason: string; refusal?: string };
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number; reasoningTokens: number };
  cost: number;
  attempts: Array<{ attempt: number; ok: boolean; status?: number; error?: string; delayMs?: number; durationMs?: number }>;
  cache: 'hit' | 'miss' | 'shared' | 'off';
  /** Set when the call failed for good; then `response.text` is empty. */
  error?: { code: string; message: string };
}

export interface ActionEvent extends EventBase {
  type: 'action';
  agent: string;
  action: unknown;
  /** True when this is the declared default after failed repairs. */
  defaulted?: boolean;
}

export interface ActionInvalidEvent extends EventBase {
  type: 'action-invalid';
  agent: string;
  kind: 'unparsable' | 'illegal' | 'refused' | 'timeout';
  error: string;
  raw?: string;
  /** 1-based attempt that failed. */
  attempt: number;
  /** What the engine does next. */
  resolution: 'repair' | 'default';
}

export interface MessageEvent extends EventBase {
  type: 'message';
  from: string;
  to: string[] | 'all';
  channel: string;
  content: string;
}

export interface OutcomeEvent extends EventBase {
  type: 'outcome';
  outcome: { type: string } & Record<string, unknown>;
}

export interface MetricEvent extends EventBase {
  type: 'metric';
  name: string;
  value: number;
}

export interface JudgeScoreEvent extends EventBase {
  type: 'judge-score';
  judge: string;
  /** `seq` of the judged event(s). */
  target: number[];
  scores: Record<string, number>;
  rationale?: string;
}

export interface RewardEvent extends EventBase {
  type: 'reward';
  /** The reward's name: `solver`, `r_delta`, `flr`, `grpo-advantage`, ... */
  name: string;
  agent: string;
  value: number;
  target?: number[];
}

export interface CheckpointEvent extends EventBase {
  type: 'checkpoint';
  /** Everything the engine needs to continue from here (game state, rng states, memories, totals). */
  state: unknown;
}

export interface RunEndEvent extends EventBase {
  type: 'run-end';
  status: 'completed' | 'degraded' | 'stopped' | 'failed';
  /** For `stopped`: which budget; for `failed`: the error. */
  reason?: string;
  payoffs: Record<string, number>;
  metrics: Record<string, number>;
}

/** Large repeated text stored once; other events refer to it as `{ "$text": hash }`. */
export interface TextEvent extends EventBase {
  type: 'text';
  hash: string;
  text: string;
}

export type TraceEvent =
  | RunStartEvent
  | PhaseStartEvent
  | ObservationEvent
  | ModelCallEvent
  | ActionEvent
  | ActionInvalidEvent
  | MessageEvent
  | OutcomeEvent
  | MetricEvent
  | JudgeScoreEvent
  | RewardEvent
  | CheckpointEvent
  | RunEndEvent
  | TextEvent;

export type TraceEventType = TraceEvent['type'];

/** An event before the writer assigns `seq`. */
export type NewTraceEvent = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 'seq'> : never) : never;
