// Typed hooks for embedders. Lifecycle names are noun-verb with start/end. Hooks observe; they cannot
// change the run (a judge run live is a hook that the caller passes in).
import type { AgentId, Phase } from '../games/game.js';
import type { ModelCallEvent, TraceEvent } from '../traces/event.js';
import type { RunResult } from './run-result.js';

export interface EngineHooks {
  'run-start'?: (info: { runId: string; agents: AgentId[] }) => void | Promise<void>;
  'turn-start'?: (info: { phase: Phase }) => void | Promise<void>;
  'turn-end'?: (info: { phase: Phase; actions: Record<AgentId, unknown> }) => void | Promise<void>;
  'model-call-end'?: (call: Omit<ModelCallEvent, 'seq'>) => void | Promise<void>;
  'action-invalid'?: (info: { agent: AgentId; kind: string; error: string; attempt: number }) => void | Promise<void>;
  /** Every event as it is written. */
  event?: (event: TraceEvent) => void;
  'run-end'?: (result: RunResult) => void | Promise<void>;
}
