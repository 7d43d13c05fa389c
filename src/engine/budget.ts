// Run budgets. Checked between phases and after model calls; reaching one stops the run cleanly.
import { z } from 'zod';
import { BudgetExceededError } from '../core/errors/budget-exceeded-error.js';
import type { UsageTotals } from './run-result.js';

export const budgetSchema = z
  .object({
    /** Maximum logical rounds. */
    turns: z.number().int().positive().optional(),
    /** Maximum input + output tokens over all model calls. */
    tokens: z.number().int().positive().optional(),
    /** Maximum spend in US dollars. */
    dollars: z.number().positive().optional(),
    /** Maximum wall time in milliseconds. */
    wallTimeMs: z.number().int().positive().optional(),
  })
  .strict();

export type Budget = z.infer<typeof budgetSchema>;

/** Throws BudgetExceededError when a budget is exhausted. */
export function checkBudget(budget: Budget | undefined, used: { rounds: number; usage: UsageTotals; wallMs: number }): void {
  if (!budget) return;
  if (budget.turns !== undefined && used.rounds >= budget.turns) throw new BudgetExceededError('turns', budget.turns, used.rounds);
  const tokens = used.usage.inputTokens + used.usage.outputTokens;
  if (budget.tokens !== undefined && tokens >= budget.tokens) throw new BudgetExceededError('tokens', budget.tokens, tokens);
  if (budget.dollars !== undefined && used.usage.costUsd >= budget.dollars) throw new BudgetExceededError('dollars', budget.dollars, used.usage.costUsd);
  if (budget.wallTimeMs !== undefined && used.wallMs >= budget.wallTimeMs) throw new BudgetExceededError('wall-time', budget.wallTimeMs, used.wallMs);
}
