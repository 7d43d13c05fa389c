// The data a report page shows: computed in Node from traces and sweep files, embedded in the HTML as
// JSON (or served by `polis view`), read by the browser code in client/. Types only.
import type { Comparison, CellStatus } from '../experiments/sweep-directory.js';
import type { TraceDiff, TraceDivergence } from '../traces/trace-diff.js';

/** One model call, message or scripted action, with what it led to. */
export interface TranscriptEntry {
  /** `seq` of the model call (or of the action or message when there was no call). */
  seq: number;
  /** Round (the event's logical time). */
  time: number;
  agent: string;
  kind: 'model-call' | 'action' | 'message';
  /** Model calls: `provider/modelId`, the call's purpose, cache status, usage and cost (US dollars). */
  model?: string;
  purpose?: string;
  cache?: string;
  inputTokens?: number;
  outputTokens?: number;
  costUsd?: number;
  /** The exact messages sent. */
  prompt?: Array<{ role: string; content: string }>;
  /** The raw answer text. */
  raw?: string;
  /** A call that failed for good. */
  error?: string;
  /** The parsed action this call (or scripted policy) produced. */
  action?: unknown;
  /** The action is the declared default after failed repairs. */
  defaulted?: boolean;
  /** The answer was rejected (then repaired or defaulted). */
  invalid?: { kind: string; error: string; resolution: string; attempt: number };
  /** Messages: channel, recipients and content. */
  message?: { channel: string; to: string[] | 'all'; content: string };
  /** Judge scores on this turn. */
  judges?: Array<{ judge: string; scores: Record<string, number>; rationale?: string }>;
}

/** Values by round: `values[i]` belongs to `rounds[i]`; null where the series has no value. */
export type Series = Record<string, Array<number | null>>;

export interface RunView {
  kind: 'run';
  /** What the report was made from (a path as given). */
  source: string;
  runId: string;
  game: string;
  status: string;
  reason?: string;
  createdAt: string;
  agents: Array<{ id: string; role: string; policy: string; model?: string }>;
  rounds: number[];
  /** Cumulative payoff per agent by round. */
  payoffs: Series;
  /** Metric events by name, by round. */
  metrics: Series;
  final: { payoffs: Record<string, number>; metrics: Record<string, number> };
  totals: { calls: number; inputTokens: number; outputTokens: number; costUsd: number; invalid: number; cacheHits: number };
  transcript: TranscriptEntry[];
  /** Judge scores whose targets are not in the transcript. */
  otherJudgeScores: Array<{ judge: string; target: number[]; scores: Record<string, number>; rationale?: string }>;
}

export interface SweepCellView {
  condition: string;
  seed: number;
  dir: string;
  status: CellStatus;
  costUsd: number;
  calls: number;
  tokens: number;
  wallMs: number;
  metrics: Record<string, number>;
  error?: string;
}

/** A series over rounds for one condition: mean across seeds, and the band from min to max. */
export interface Band {
  rounds: number[];
  mean: Array<number | null>;
  min: Array<number | null>;
  max: Array<number | null>;
  /** Seeds that contributed. */
  n: number;
}

export interface SweepView {
  kind: 'sweep';
  source: string;
  name: string;
  conditions: string[];
  seeds: number[];
  cells: SweepCellView[];
  /** Summary metric names, the main one first. */
  metricNames: string[];
  /** Series over rounds (`mean payoff` and metric events), by series name then condition. */
  overRounds: Record<string, Record<string, Band>>;
  comparison: Comparison | null;
}

/** Two traces side by side, aligned from their first divergence. */
export interface PairView {
  kind: 'pair';
  a: RunView;
  b: RunView;
  /** Headers and events compared (a divergence at seq -1 is in the header), and final metric deltas. */
  diff: TraceDiff;
  /** The first event that differs (headers aside). */
  eventDivergence?: TraceDivergence;
  /** The round of the first divergent event (null when the events are identical). */
  divergenceRound: number | null;
  /** Rounds from the divergence on, with per-series deltas (b - a). */
  aligned: { rounds: number[]; deltas: Series };
}

export type ReportView = RunView | SweepView | PairView;

/** `polis view`'s `/api/info`. */
export interface LiveInfo {
  kind: ReportView['kind'];
  source: string;
  /** Events indexed so far (runs). */
  events: number;
  /** Events per page. */
  pageSize: number;
}

/** `polis view`'s `/api/page/<n>`: the transcript entries of events `from <= seq < to`. */
export interface LivePage {
  page: number;
  from: number;
  to: number;
  entries: TranscriptEntry[];
}
