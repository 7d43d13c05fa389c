// What every run-like command (run, replay, fork, resume) shares: the game registry, the default model
// builder, progress hooks and the summary printout.
import { gameRegistry } from '../games/registry.js';
import type { GameDefinition } from '../games/definition.js';
import { defaultModelBuilder } from '../engine/default-models.js';
import type { ExperimentResult } from '../engine/experiment.js';
import { CliExit, EXIT, type CliIo } from './command.js';
import { progressHooks } from './progress.js';

export function runContext(io: CliIo, options: { quiet?: boolean; baseDir?: string } = {}) {
  return {
    games: gameRegistry as ReadonlyMap<string, GameDefinition<unknown>>,
    buildModel: defaultModelBuilder({ baseDir: options.baseDir ?? io.cwd }),
    ...(options.quiet ? {} : { hooks: progressHooks(io) }),
  };
}

export function printRun(io: CliIo, result: ExperimentResult, json: boolean, extra: Record<string, unknown> = {}): void {
  if (json) {
    io.stdout(`${JSON.stringify({ status: result.status, ...(result.reason ? { reason: result.reason } : {}), trace: result.traceFile, summary: result.summaryFile, rounds: result.rounds, payoffs: result.payoffs, metrics: result.metrics, usage: result.usage, replayed: result.replayed, ...extra })}\n`);
    return;
  }
  io.stdout(`${result.status}${result.reason ? ` (${result.reason})` : ''}: ${result.rounds} rounds, ${result.usage.calls} model calls, $${result.usage.costUsd.toFixed(4)}\n`);
  io.stdout(`trace:   ${result.traceFile}\nsummary: ${result.summaryFile}\n`);
  const payoffs = Object.entries(result.payoffs);
  if (payoffs.length) io.stdout(`payoffs: ${payoffs.slice(0, 12).map(([k, v]) => `${k}=${round(v)}`).join(' ')}${payoffs.length > 12 ? ' ...' : ''}\n`);
  for (const [k, v] of Object.entries(result.metrics).slice(0, 20)) io.stdout(`  ${k}: ${round(v)}\n`);
}

/**
 * Ends a run-like command with the exit code of its status: failed 1, stopped by a budget 3, degraded 4
 * (with a warning on stderr). A completed run returns.
 */
export function exitForRun(io: CliIo, result: Pick<ExperimentResult, 'status' | 'reason'>): void {
  if (result.status === 'failed') throw new CliExit(EXIT.failed, '');
  if (result.status === 'stopped') throw new CliExit(EXIT.budget, '');
  if (result.status === 'degraded') {
    io.stderr(`warning: degraded run: ${result.reason ?? 'too many actions were defaulted'}\n`);
    throw new CliExit(EXIT.degraded, '');
  }
}

const round = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(4));
