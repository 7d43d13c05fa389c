import type { AgentId } from '../games/game.js';

export interface InvalidActionCounts {
  unparsable: number;
  illegal: number;
  refused: number;
  timeout: number;
  /** Decisions that ended on the declared default. */
  defaulted: number;
  /** Decisions fixed by a repair retry. */
  repaired: number;
}

export interface UsageTotals {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  reasoningTokens: number;
  costUsd: number;
  cacheHits: number;
  retries: number;
}

/** What a run returns and what `summary.json` holds. */
export interface RunResult {
  runId: string;
  status: 'completed' | 'degraded' | 'stopped' | 'failed';
  /** Why a run stopped early, failed or is degraded (too many defaulted actions). */
  reason?: string;
  /** Logical rounds played. */
  rounds: number;
  /** Phases (turns) executed. */
  turns: number;
  payoffs: Record<AgentId, number>;
  metrics: Record<string, number>;
  invalid: InvalidActionCounts;
  usage: UsageTotals;
  /** Usage split per agent and per role. */
  usageByAgent: Record<AgentId, UsageTotals>;
  usageByRole: Record<string, UsageTotals>;
  /** Wall-clock duration in ms (not part of determinism checks). */
  wallMs: number;
}

export const emptyInvalidCounts = (): InvalidActionCounts => ({ unparsable: 0, illegal: 0, refused: 0, timeout: 0, defaulted: 0, repaired: 0 });
export const emptyUsage = (): UsageTotals => ({ calls: 0, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, reasoningTokens: 0, costUsd: 0, cacheHits: 0, retries: 0 });

/** The counts as the run's `invalid.*` metrics. */
export const invalidMetrics = (invalid: InvalidActionCounts): Record<string, number> => ({
  'invalid.unparsable': invalid.unparsable,
  'invalid.illegal': invalid.illegal,
  'invalid.refused': invalid.refused,
  'invalid.timeout': invalid.timeout,
  'invalid.defaulted': invalid.defaulted,
  'invalid.repaired': invalid.repaired,
});
