// What a run's model calls cost, in total, per agent and per role: added as each call is recorded, carried
// through checkpoints (in seat order, so a checkpoint does not depend on the order answers arrived in).
import type { AgentId } from '../games/game.js';
import type { ModelCallRecord } from './call-recorder.js';
import type { CheckpointState } from './checkpoint.js';
import { emptyUsage, type UsageTotals } from './run-result.js';

type UsageFields = Pick<CheckpointState, 'usage' | 'usageByAgent' | 'usageByRole'>;

export class UsageLedger {
  readonly total: UsageTotals;
  readonly byAgent: Record<AgentId, UsageTotals>;
  readonly byRole: Record<string, UsageTotals>;

  constructor(resume?: UsageFields) {
    this.total = resume ? { ...resume.usage } : emptyUsage();
    this.byAgent = structuredClone(resume?.usageByAgent ?? {});
    this.byRole = structuredClone(resume?.usageByRole ?? {});
  }

  add(record: ModelCallRecord, role: string): void {
    for (const totals of [this.total, (this.byAgent[record.agent] ??= emptyUsage()), (this.byRole[role] ??= emptyUsage())]) {
      totals.calls++;
      totals.inputTokens += record.usage.inputTokens;
      totals.outputTokens += record.usage.outputTokens;
      totals.cachedInputTokens += record.usage.cachedInputTokens;
      totals.reasoningTokens += record.usage.reasoningTokens;
      totals.costUsd += record.cost;
      if (record.cache === 'hit') totals.cacheHits++;
      totals.retries += Math.max(0, record.attempts.length - 1);
    }
  }

  /** The checkpoint's fields, agents and roles in the order of `seats` (ids and their roles). */
  snapshot(seats: readonly AgentId[], roles: readonly string[]): UsageFields {
    return { usage: this.total, usageByAgent: seatOrdered(this.byAgent, seats), usageByRole: seatOrdered(this.byRole, roles) };
  }
}

/** `record`'s entries with the keys in `order` first (in that order), then the rest as they were. */
function seatOrdered<T>(record: Record<string, T>, order: readonly string[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of order) if (key in record) out[key] = record[key]!;
  for (const key of Object.keys(record)) if (!(key in out)) out[key] = record[key]!;
  return out;
}
