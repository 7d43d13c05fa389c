// Running totals of tokens and dollars for one run, broken down by agent, role and turn.

export interface UsageTotals {
  calls: number;
  /** Calls answered from the cache (cost 0, tokens not counted). */
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  reasoningTokens: number;
  /** US dollars. */
  cost: number;
}

export interface LedgerEntry {
  agentId?: string | undefined;
  role?: string | undefined;
  turn?: number | undefined;
  provider: string;
  modelId: string;
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number; reasoningTokens: number };
  cost: number;
  /** A cache hit or shared answer: counted as a call, not as tokens or dollars. */
  cached: boolean;
}

const empty = (): UsageTotals => ({ calls: 0, cacheHits: 0, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, reasoningTokens: 0, cost: 0 });

function add(t: UsageTotals, e: LedgerEntry): void {
  t.calls++;
  if (e.cached) {
    t.cacheHits++;
    return;
  }
  t.inputTokens += e.usage.inputTokens;
  t.outputTokens += e.usage.outputTokens;
  t.cachedInputTokens += e.usage.cachedInputTokens;
  t.reasoningTokens += e.usage.reasoningTokens;
  t.cost += e.cost;
}

export class UsageLedger {
  readonly total: UsageTotals = empty();
  readonly byAgent: Record<string, UsageTotals> = {};
  readonly byRole: Record<string, UsageTotals> = {};
  /** Keyed by the turn number as a string. */
  readonly byTurn: Record<string, UsageTotals> = {};
  readonly byModel: Record<string, UsageTotals> = {};
  /** Models called that have no price in the table (their cost counts as 0). */
  readonly unpriced = new Set<string>();

  record(entry: LedgerEntry): void {
    add(this.total, entry);
    if (entry.agentId !== undefined) add((this.byAgent[entry.agentId] ??= empty()), entry);
    if (entry.role !== undefined) add((this.byRole[entry.role] ??= empty()), entry);
    if (entry.turn !== undefined) add((this.byTurn[String(entry.turn)] ??= empty()), entry);
    add((this.byModel[`${entry.provider}:${entry.modelId}`] ??= empty()), entry);
  }

  /** Input plus output tokens so far. */
  get tokens(): number {
    return this.total.inputTokens + this.total.outputTokens;
  }

  /** A plain-object copy (for summaries and checkpoints). */
  toJSON(): { total: UsageTotals; byAgent: Record<string, UsageTotals>; byRole: Record<string, UsageTotals>; byTurn: Record<string, UsageTotals>; byModel: Record<string, UsageTotals>; unpriced: string[] } {
    return structuredClone({ total: this.total, byAgent: this.byAgent, byRole: this.byRole, byTurn: this.byTurn, byModel: this.byModel, unpriced: [...this.unpriced] });
  }
}
