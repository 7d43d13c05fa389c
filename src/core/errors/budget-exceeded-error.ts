import { PolisError } from './polis-error.js';

export type BudgetKind = 'tokens' | 'dollars' | 'turns' | 'wall-time';

/** A budget was reached. Runs catch this, stop cleanly and write a summary. */
export class BudgetExceededError extends PolisError {
  override readonly name = 'BudgetExceededError';
  readonly code = 'budget_exceeded' as const;

  constructor(
    readonly budget: BudgetKind,
    readonly limit: number,
    readonly used: number,
  ) {
    super(`${budget} budget exceeded: used ${used} of ${limit}`);
  }
}
