// The replay modes, by their exact names:
//   view   - read only (the CLI prints a trace; nothing runs)
//   rerun  - run the recorded config again with every model call served from the trace; a request
//            that differs from the recording is a divergence error naming the first differing call
//   fork   - copy the trace up to step N (the checkpoint at the start of round N), then continue live
//            from there with overrides (model, persona, parameter, an injected message)
// and resume, which continues a killed run from its last checkpoint without repeating recorded calls.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../core/clock.js';
import { ConfigError } from '../core/errors/config-error.js';
import { InputError } from '../core/errors/input-error.js';
import type { CheckpointEvent, ModelCallEvent, TraceEvent, TraceHeader } from '../traces/event.js';
import { rerunRefusal } from '../traces/import/imported.js';
import { prepareResume } from '../traces/resume.js';
import { iterateTrace, readTrace } from '../traces/trace-reader.js';
import { diffTraceFiles, type TraceDiff } from '../traces/trace-diff.js';
import { TraceWriter } from '../traces/trace-writer.js';
import type { CheckpointState } from './checkpoint.js';
import { applyOverrides, validateConfig } from './config/load-config.js';
import { runExperiment, type ExperimentResult, type RunExperimentOptions } from './experiment.js';

type Shared = Pick<RunExperimentOptions, 'games' | 'buildModel' | 'clock' | 'hooks' | 'signal'>;

const modelCalls = (events: readonly TraceEvent[]) => events.filter((e): e is ModelCallEvent => e.type === 'model-call');

export interface RerunResult {
  run: ExperimentResult;
  diff: TraceDiff;
}

/**
 * Rerun a trace with zero model calls and compare the new trace with the original. Both traces are
 * streamed: only the recorded model calls are held, never the whole trace.
 */
export async function rerunTrace(traceFile: string, options: Shared & { out: string }): Promise<RerunResult> {
  let header: TraceHeader | undefined;
  const records: ModelCallEvent[] = [];
  for await (const e of iterateTrace(traceFile)) {
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
    overwrite: true,
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
  const checkpoint = structuredClone(cut.state) as CheckpointState;
  for (const [agent, text] of Object.entries(options.inject ?? {})) {
    const memory = checkpoint.memories[agent] as { items?: Array<{ turn: number; kind: string; text: string }> } | undefined;
    if (!memory) throw ConfigError.at('--inject', `no agent "${agent}" at round ${options.at}; agents: ${Object.keys(checkpoint.memories).join(', ')}`);
    (memory.items ??= []).push({ turn: options.at, kind: 'message', text });
  }
  mkdirSync(options.out, { recursive: true });
  const file = join(options.out, 'trace.jsonl');
  const header = { ...original.header, config, parent: { runId: original.header.runId, atSeq: cut.seq, relation: 'fork' as const }, createdAt: new Date((options.clock ?? systemClock).now()).toISOString() };
  const writer = TraceWriter.create(file, header, { overwrite: true });
  for (const e of original.events) {
    if (e.seq > cut.seq) break;
    if (e.type === 'text') continue; // the writer interns texts again, at the same places
    const { seq: _seq, ...event } = e;
    writer.append(event as never);
  }
  return runExperiment({ ...options, config, resume: { checkpoint, writer, runId: original.header.runId } });
}

/** Continue a killed run in `dir` from its last checkpoint; recorded calls after it are served again. */
export async function resumeRun(dir: string, options: Shared): Promise<ExperimentResult> {
  const file = join(dir, 'trace.jsonl');
  if (!existsSync(file)) throw new InputError('no trace.jsonl to resume', { file });
  const point = prepareResume(file);
  if (point.eventsAfterCheckpoint.some((e) => e.type === 'run-end') || point.events.some((e) => e.type === 'run-end')) {
    throw new InputError('this run already finished (it has a run-end event); nothing to resume', { file });
  }
  const config = validateConfig(point.header.config, `${file} (header.config)`);
  const records = modelCalls(point.eventsAfterCheckpoint);
  const writer = TraceWriter.openForAppend(file, { truncateAfterSeq: point.lastCheckpoint ? point.lastCheckpoint.seq : -1 });
  return runExperiment({
    ...options,
    config,
    out: dir,
    replay: { records, mode: 'then-live' },
    resume: point.lastCheckpoint
      ? { checkpoint: point.lastCheckpoint.state as CheckpointState, writer, runId: point.header.runId }
      : { checkpoint: undefined as never, writer, runId: point.header.runId },
  });
}
