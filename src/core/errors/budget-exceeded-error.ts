import { PolisError } from './polis-error.js';

export type BudgetKind = 'tokens' | 'dollars' | 'turns' | 'wall-time';
/** Whose budget: one run's, or a sweep's (all its cells together). */
export type BudgetScope = 'run' | 'sweep';

/** A budget was reached. Runs catch this, stop cleanly and write a summary. */
export class BudgetExceededError extends PolisError {
  override readonly name = 'BudgetExceededError';
  readonly code = 'budget_exceeded' as const;

  constructor(
    readonly budget: BudgetKind,
    readonly limit: number,
    readonly used: number,
    readonly scope: BudgetScope = 'run',
    /** Set when the next call was refused because its worst case would cross the limit. */
    readonly worstCase?: number,
  ) {
    super(
      worstCase === undefined
        ? `${scope === 'sweep' ? 'sweep ' : ''}${budget} budget exceeded: used ${used} of ${limit}`
        : `${scope === 'sweep' ? 'sweep ' : ''}${budget} budget would be exceeded: used ${used} of ${limit}, and the next call may cost up to ${worstCase} (its prompt plus its maximum output tokens)`,
    );
  }
}
