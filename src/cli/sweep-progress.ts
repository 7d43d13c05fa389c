// Sweep progress for the terminal, from the sweep's hooks: cells done of total, ETA, calls, tokens and
// dollars; a redrawn line on a TTY, one plain line per finished cell otherwise.
import type { QueueSweepHooks } from '../experiments/queue/queue-sweep.js';
import type { SweepHooks } from '../experiments/run-sweep.js';
import type { CliIo } from './command.js';
import { statusLine } from './status-line.js';

export function sweepProgress(io: CliIo): SweepHooks & { end(): void } {
  const status = statusLine(io);
  let total = 0;
  let done = 0;
  let doneHere = 0;
  let running = 0;
  let calls = 0;
  let tokens = 0;
  let cost = 0;
  const started = performance.now();
  const eta = (): string => {
    if (!doneHere) return '?';
    const ms = ((performance.now() - started) / doneHere) * (total - done);
    return formatDuration(ms);
  };
  const text = () => `cells ${done}/${total} | running ${running} | ETA ${eta()} | calls ${calls} | tokens ${tokens} | $${cost.toFixed(4)}`;
  return {
    'sweep-start': (info) => {
      total = info.total;
      done = info.finished;
      calls = info.earlier.calls;
      tokens = info.earlier.tokens;
      cost = info.earlier.costUsd;
      status.update(text());
    },
    'cell-start': () => {
      running++;
      status.update(text());
    },
    'model-call-end': (_cell, call) => {
      calls++;
      tokens += call.usage.inputTokens + call.usage.outputTokens;
      cost += call.cost;
      status.update(text());
    },
    'cell-end': (outcome) => {
      running--;
      if (outcome.action === 'skipped') return;
      done++;
      doneHere++;
      const row = outcome.row;
      status.line(`${row.dir}: ${row.status}${outcome.action === 'ran' ? '' : ` (${outcome.action})`}${row.error ? ` - ${row.error}` : ''} | ${text()}`);
      status.update(text());
    },
    end: () => status.done(),
  };
}

/** The same line for a sweep on the queue, from the jobs' progress reports (totals over all workers). */
export function queueProgress(io: CliIo): QueueSweepHooks & { end(): void } {
  const status = statusLine(io);
  let last = { total: 0, done: 0, running: 0, calls: 0, tokens: 0, costUsd: 0 };
  let firstDone: number | undefined;
  let doneHere = 0;
  const started = performance.now();
  const eta = (): string => (doneHere && firstDone !== undefined ? formatDuration(((performance.now() - started) / doneHere) * (last.total - last.done)) : '?');
  const text = () => `cells ${last.done}/${last.total} | running ${last.running} | ETA ${eta()} | calls ${last.calls} | tokens ${last.tokens} | $${last.costUsd.toFixed(4)}`;
  return {
    progress: (info) => {
      firstDone ??= info.done;
      doneHere = info.done - firstDone;
      last = info;
      status.update(text());
    },
    'cell-end': (cell) => status.line(`${cell.dir}: ${cell.status}${cell.action && cell.action !== 'ran' ? ` (${cell.action})` : ''}${cell.error ? ` - ${cell.error}` : ''} | ${text()}`),
    end: () => status.done(),
  };
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
