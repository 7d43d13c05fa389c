// The replay modes, by their exact names:
//   view   - read only (the CLI prints a trace; nothing runs)
//   rerun  - run the recorded config again with every model call served from the trace; a request
//            that differs from the recording is a divergence error naming the first differing call
//   fork   - copy the trace up to step N (the checkpoint at the start of round N), then continue live
//            from there with overrides (model, persona, parameter, an injected message)
// and resume, which continues a killed run from its last checkpoint without repeating recorded calls.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { acquireRunLock } from './run-lock.js';
import { systemClock } from '../core/clock.js';
import { ConfigError } from '../core/errors/config-error.js';
import { InputError } from '../core/errors/input-error.js';
import type { CheckpointEvent, ModelCallEvent, RunEndEvent, TraceEvent, TraceHeader } from '../traces/event.js';
import { readCallJournal } from '../traces/call-journal.js';
import { rerunRefusal } from '../traces/import/imported.js';
import { prepareResume, replaceTraceHeader } from '../traces/resume.js';
import { iterateTrace, readTrace } from '../traces/trace-reader.js';
import { diffTraceFiles, type TraceDiff } from '../traces/trace-diff.js';
import { TraceWriter } from '../traces/trace-writer.js';
import { readCheckpointState, type CheckpointState } from './checkpoint.js';
import { applyOverrides, validateConfig } from './config/load-config.js';
import { runExperiment, type ExperimentResult, type RunExperimentOptions } from './experiment.js';

type Shared = Pick<RunExperimentOptions, 'games' | 'buildModel' | 'clock' | 'hooks' | 'signal'>;

const modelCalls = (events: readonly TraceEvent[]) => events.filter((e): e is ModelCallEvent => e.type === 'model-call');

const MODEL_CALLS: ReadonlySet<TraceEvent['type']> = new Set(['model-call']);

export interface RerunResult {
  run: ExperimentResult;
  diff: TraceDiff;
}

/**
 * Rerun a trace with zero model calls and compare the new trace with the original. Both traces are
 * streamed: only the recorded model calls are held, never the whole trace.
 */
export async function rerunTrace(traceFile: string, options: Shared & { out: string; /** Replace a trace already in `out`. @default false */ overwrite?: boolean }): Promise<RerunResult> {
  if (resolve(options.out, 'trace.jsonl') === resolve(traceFile)) {
    throw new InputError('a rerun cannot write over the trace it reruns; choose another output directory', { file: traceFile });
  }
  let header: TraceHeader | undefined;
  const records: ModelCallEvent[] = [];
  for await (const e of iterateTrace(traceFile, { types: MODEL_CALLS, rewrite: true })) {
    if (e.type === 'header') header = e;
    else if (e.type === 'model-call') records.push(e);
  }
  const refusal = rerunRefusal(header!, 'rerun');
  if (refusal) throw new InputError(refusal, { file: traceFile });
  const config = validateConfig(header!.config, `${traceFile} (header.config)`);
  const run = await runExperiment({
    ...options,
    config,
    runId: header!.runId,
    overwrite: options.overwrite ?? false,
    replay: { records, mode: 'strict' },
    ...(header!.parent ? { parent: header!.parent } : {}),
  });
  return { run, diff: await diffTraceFiles(traceFile, run.traceFile) };
}

export interface ForkOptions extends Shared {
  out: string;
  /** The round to fork at: rounds before it are copied unchanged. */
  at: number;
  /** `path=value` config overrides applied from round `at` on. */
  set?: readonly string[];
  /** Messages added to agents' memories at the fork point: `{ agent: text }`. */
  inject?: Readonly<Record<string, string>>;
  /** Replace a trace already in `out`. @default false (refuse, so an earlier fork is not lost) */
  overwrite?: boolean;
  /** The fork's run id (its header's `parent` names the original's). @default a random UUID */
  runId?: string;
}

export async function forkTrace(traceFile: string, options: ForkOptions): Promise<ExperimentResult> {
  const original = await readTrace(traceFile);
  const refusal = rerunRefusal(original.header, 'fork');
  if (refusal) throw new InputError(refusal, { file: traceFile });
  const cut = original.events.find((e): e is CheckpointEvent => e.type === 'checkpoint' && e.time === options.at);
  if (!cut) {
    const rounds = original.events.filter((e) => e.type === 'checkpoint').map((e) => e.time);
    throw ConfigError.at('--at', `no checkpoint at round ${options.at}; this trace has checkpoints at rounds ${rounds.join(', ') || '(none)'}`);
  }
  const config = validateConfig(applyOverrides(original.header.config, options.set ?? []), '--set');
  const checkpoint = readCheckpointState(cut, traceFile);
  for (const [agent, text] of Object.entries(options.inject ?? {})) {
    if (!checkpoint.population.some((p) => p.id === agent)) {
      throw ConfigError.at('--inject', `no agent "${agent}" at round ${options.at}; agents: ${checkpoint.population.map((p) => p.id).join(', ')}`);
    }
    // (an agent whose memory was empty has no entry: it starts one)
    const memory = (checkpoint.memories[agent] ??= {}) as { items?: Array<{ turn: number; kind: string; text: string }> };
    (memory.items ??= []).push({ turn: options.at, kind: 'message', text });
  }
  mkdirSync(options.out, { recursive: true });
  const file = join(options.out, 'trace.jsonl');
  const runId = options.runId ?? randomUUID();
  const header = { ...original.header, runId, config, parent: { runId: original.header.runId, atSeq: cut.seq, relation: 'fork' as const }, createdAt: new Date((options.clock ?? systemClock).now()).toISOString() };
  const lock = acquireRunLock(options.out);
  let writer: TraceWriter;
  try {
    writer = TraceWriter.create(file, header, { overwrite: options.overwrite ?? false });
    for (const e of original.events) {
      if (e.seq > cut.seq) break;
      if (e.type === 'text') continue; // the writer interns texts again, at the same places
      const { seq: _seq, ...event } = e;
      writer.append(event as never);
    }
  } catch (error) {
    lock.release();
    throw error;
  }
  const { overwrite: _overwrite, runId: _runId, set: _set, inject: _inject, at: _at, ...shared } = options;
  return runExperiment({ ...shared, config, resume: { checkpoint, writer, runId, lock } });
}

export interface ResumeOptions extends Shared {
  /** `path=value` config overrides for the rest of the run (e.g. a raised `budget.rounds`). */
  set?: readonly string[];
}

/**
 * Continue a killed, failed or budget-stopped run in `dir` from its last checkpoint. Calls recorded after
 * the checkpoint (in the trace, or journaled while they waited for a slower seat) are served again; a
 * failed call is made again. A completed run is refused.
 */
export async function resumeRun(dir: string, options: ResumeOptions = {}): Promise<ExperimentResult> {
  const file = join(dir, 'trace.jsonl');
  if (!existsSync(file)) throw new InputError('no trace.jsonl to resume', { file });
  const point = prepareResume(file);
  const end = [...point.events, ...point.eventsAfterCheckpoint].find((e): e is RunEndEvent => e.type === 'run-end');
  if (end?.status === 'completed') {
    throw new InputError('this run already completed (its run-end says so); nothing to resume. Use `polis fork` to continue it with changes', { file });
  }
  const sets = options.set ?? [];
  const config = validateConfig(sets.length ? applyOverrides(point.header.config, sets) : point.header.config, sets.length ? '--set' : `${file} (header.config)`);
  // Checked before anything is written: a nonsense checkpoint is named, the trace left as it is.
  const checkpoint = point.lastCheckpoint ? readCheckpointState(point.lastCheckpoint, file) : undefined;
  const inTrace = modelCalls(point.eventsAfterCheckpoint);
  // A call that failed for good is made again; everything answered is served from the recording.
  const records = [...inTrace, ...readCallJournal(file, inTrace)].filter((r) => !r.error);
  const lock = acquireRunLock(dir);
  let writer: TraceWriter;
  try {
    if (sets.length) replaceTraceHeader(file, { ...point.header, config: config as TraceHeader['config'] });
    writer = TraceWriter.openForAppend(file, { truncateAfterSeq: point.lastCheckpoint ? point.lastCheckpoint.seq : -1 });
  } catch (error) {
    lock.release();
    throw error;
  }
  const { set: _set, ...shared } = options;
  return runExperiment({
    ...shared,
    config,
    out: dir,
    replay: { records, mode: 'then-live' },
    resume: { checkpoint: checkpoint as CheckpointState, writer, runId: point.header.runId, lock },
  });
}
