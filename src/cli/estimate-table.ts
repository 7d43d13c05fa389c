// Prints a dry run's estimate: calls, tokens and dollars per model, then the totals.
import type { ModelEstimate } from '../engine/estimate-run.js';
import type { CliIo } from './command.js';

export function printEstimate(io: CliIo, title: string, models: readonly ModelEstimate[], method: string): void {
  io.stdout(`${title}\n`);
  const width = Math.max(5, ...models.map((m) => m.model.length)) + 2;
  io.stdout(`  ${'model'.padEnd(width)}${'calls'.padStart(8)}  ${'input tokens'.padStart(13)}  ${'output tokens'.padStart(13)}  ${'dollars'.padStart(10)}\n`);
  const total = { calls: 0, input: 0, output: 0, cost: 0, unpriced: false };
  for (const m of models) {
    io.stdout(`  ${m.model.padEnd(width)}${String(m.calls).padStart(8)}  ${String(m.inputTokens).padStart(13)}  ${String(m.outputTokens).padStart(13)}  ${(m.costUsd === null ? 'no price' : `$${m.costUsd.toFixed(4)}`).padStart(10)}\n`);
    total.calls += m.calls;
    total.input += m.inputTokens;
    total.output += m.outputTokens;
    if (m.costUsd === null) total.unpriced = true;
    else total.cost += m.costUsd;
  }
  io.stdout(`  ${'total'.padEnd(width)}${String(total.calls).padStart(8)}  ${String(total.input).padStart(13)}  ${String(total.output).padStart(13)}  ${`$${total.cost.toFixed(4)}${total.unpriced ? '+' : ''}`.padStart(10)}\n`);
  io.stdout(`estimated from ${method}; no model was called\n`);
}

/** Adds `b` into `a` model by model. */
export function addEstimates(a: Map<string, ModelEstimate>, b: readonly ModelEstimate[]): void {
  for (const m of b) {
    const t = a.get(m.model) ?? { model: m.model, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
    t.calls += m.calls;
    t.inputTokens += m.inputTokens;
    t.outputTokens += m.outputTokens;
    t.costUsd = t.costUsd === null || m.costUsd === null ? null : t.costUsd + m.costUsd;
    a.set(m.model, t);
  }
}
