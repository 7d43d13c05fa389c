// A run's report data from its trace (streamed through the trace reader: memory holds the report, not
// the trace): payoffs and metrics by round, and one transcript entry per model call, message or
// scripted action, with the action, invalid answers and judge scores that belong to it.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors/index.js';
import type { TraceEvent, TraceHeader } from '../traces/event.js';
import { iterateTrace } from '../traces/trace-reader.js';
import type { RunView, Series, TranscriptEntry } from './report-data.js';

/** `path` itself when it is a file, else `path/trace.jsonl`. */
export function traceFileOf(path: string): string {
  if (!existsSync(path)) throw new InputError('no such run directory or trace file', { file: path });
  if (statSync(path).isFile()) return path;
  const file = join(path, 'trace.jsonl');
  if (!existsSync(file)) throw new InputError('not a run directory: it has no trace.jsonl', { file: path });
  return file;
}

export async function runView(path: string, source = path): Promise<RunView> {
  const builder = new RunViewBuilder(source);
  const it = iterateTrace(traceFileOf(path));
  for (;;) {
    const step = await it.next();
    if (step.done) break;
    if (step.value.type === 'header') builder.header(step.value);
    else builder.event(step.value);
  }
  return builder.view();
}

/** Folds events (in trace order) into a `RunView`; `polis view` feeds it pages as they are read. */
export class RunViewBuilder {
  private readonly v: RunView;
  private readonly byCall = new Map<number, TranscriptEntry>();
  private readonly bySeq = new Map<number, TranscriptEntry>();
  private readonly payoffTotals = new Map<string, number>();
  private readonly roundIndex = new Map<number, number>();
  private readonly keepTranscript: boolean;

  /** With `transcript: false`, only series and totals are kept (memory does not grow with the calls). */
  constructor(source: string, options: { transcript?: boolean } = {}) {
    this.keepTranscript = options.transcript ?? true;
    this.v = {
      kind: 'run',
      source,
      runId: '',
      game: '',
      status: 'running',
      createdAt: '',
      agents: [],
      rounds: [],
      payoffs: {},
      metrics: {},
      final: { payoffs: {}, metrics: {} },
      totals: { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, invalid: 0, cacheHits: 0 },
      transcript: [],
      otherJudgeScores: [],
    };
  }

  header(h: TraceHeader): void {
    this.v.runId = h.runId;
    this.v.createdAt = h.createdAt;
    this.models = h.models;
  }

  private models: TraceHeader['models'] = {};

  event(e: TraceEvent): void {
    switch (e.type) {
      case 'run-start':
        this.v.game = `${e.game.name}@${e.game.version}`;
        for (const a of e.agents) {
          const m = this.models[a.id];
          this.v.agents.push({ id: a.id, role: a.role, policy: a.policy, ...(m ? { model: `${m.provider}/${m.modelId}` } : {}) });
        }
        break;
      case 'model-call': {
        const t = this.v.totals;
        t.calls += 1;
        t.inputTokens += e.usage.inputTokens;
        t.outputTokens += e.usage.outputTokens;
        t.costUsd += e.cost;
        if (e.cache === 'hit' || e.cache === 'shared') t.cacheHits += 1;
        if (!this.keepTranscript) break;
        const entry: TranscriptEntry = {
          seq: e.seq,
          time: e.time,
          agent: e.agent,
          kind: 'model-call',
          model: `${e.provider}/${e.modelId}`,
          ...(e.call.purpose ? { purpose: e.call.purpose } : {}),
          cache: e.cache,
          inputTokens: e.usage.inputTokens,
          outputTokens: e.usage.outputTokens,
          costUsd: e.cost,
          prompt: e.request.messages.map((m) => ({ role: m.role, content: m.content })),
          raw: e.response.text,
          ...(e.error ? { error: `${e.error.code}: ${e.error.message}` } : {}),
        };
        this.byCall.set(e.seq, entry);
        this.unanswered.set(e.agent, entry);
        this.add(entry);
        break;
      }
      case 'action': {
        if (!this.keepTranscript) break;
        const call = this.callOf(e.parents) ?? this.takeUnanswered(e.agent);
        if (call) {
          call.action = e.action;
          if (e.defaulted) call.defaulted = true;
          this.bySeq.set(e.seq, call);
        } else {
          this.add({ seq: e.seq, time: e.time, agent: e.agent, kind: 'action', action: e.action, ...(e.defaulted ? { defaulted: true } : {}) });
        }
        break;
      }
      case 'action-invalid': {
        this.v.totals.invalid += 1;
        if (!this.keepTranscript) break;
        const call = this.callOf(e.parents) ?? this.takeUnanswered(e.agent);
        const invalid = { kind: e.kind, error: e.error, resolution: e.resolution, attempt: e.attempt };
        if (call) call.invalid = invalid;
        else this.add({ seq: e.seq, time: e.time, agent: e.agent, kind: 'action', invalid, ...(e.raw === undefined ? {} : { raw: e.raw }) });
        break;
      }
      case 'message':
        if (!this.keepTranscript) break;
        this.add({ seq: e.seq, time: e.time, agent: e.from, kind: 'message', message: { channel: e.channel, to: e.to, content: e.content } });
        break;
      case 'outcome':
        if (e.outcome.type === 'payoff' && typeof e.outcome.agent === 'string' && typeof e.outcome.value === 'number') {
          const total = (this.payoffTotals.get(e.outcome.agent) ?? 0) + e.outcome.value;
          this.payoffTotals.set(e.outcome.agent, total);
          this.set(this.v.payoffs, e.outcome.agent, e.time, total);
        }
        break;
      case 'metric':
        this.set(this.v.metrics, e.name, e.time, e.value);
        break;
      case 'judge-score': {
        if (!this.keepTranscript) break;
        const score = { judge: e.judge, scores: e.scores, ...(e.rationale === undefined ? {} : { rationale: e.rationale }) };
        const entry = e.target.map((s) => this.bySeq.get(s)).find((x) => x !== undefined);
        if (entry) (entry.judges ??= []).push(score);
        else this.v.otherJudgeScores.push({ ...score, target: e.target });
        break;
      }
      case 'run-end':
        this.v.status = e.status;
        if (e.reason !== undefined) this.v.reason = e.reason;
        this.v.final = { payoffs: e.payoffs, metrics: e.metrics };
        break;
      default:
        break;
    }
  }

  /** The view so far; cumulative payoffs carry forward over rounds where an agent earned nothing. */
  view(): RunView {
    for (const values of Object.values(this.v.payoffs)) {
      for (let i = 1; i < values.length; i++) if (values[i] === null) values[i] = values[i - 1]!;
    }
    return this.v;
  }

  private add(entry: TranscriptEntry): void {
    this.bySeq.set(entry.seq, entry);
    if (this.keepTranscript) this.v.transcript.push(entry);
  }

  /** An agent's last model call that no action or invalid answer has claimed yet (engines need not link them by `parents`). */
  private readonly unanswered = new Map<string, TranscriptEntry>();

  private takeUnanswered(agent: string): TranscriptEntry | undefined {
    const call = this.unanswered.get(agent);
    this.unanswered.delete(agent);
    return call;
  }

  /** The latest model call among an event's parents. */
  private callOf(parents: number[] | undefined): TranscriptEntry | undefined {
    let found: TranscriptEntry | undefined;
    for (const p of parents ?? []) {
      const c = this.byCall.get(p);
      if (c && (!found || c.seq > found.seq)) found = c;
    }
    if (found && this.unanswered.get(found.agent) === found) this.unanswered.delete(found.agent);
    return found;
  }

  /** Sets `series[name]` at round `time`, adding the round (rounds arrive in order) where it is new. */
  private set(series: Series, name: string, time: number, value: number): void {
    let i = this.roundIndex.get(time);
    if (i === undefined) {
      i = this.v.rounds.length;
      this.roundIndex.set(time, i);
      this.v.rounds.push(time);
      for (const s of [...Object.values(this.v.payoffs), ...Object.values(this.v.metrics)]) s.push(null);
    }
    const values = (series[name] ??= new Array<number | null>(this.v.rounds.length).fill(null));
    values[i] = value;
  }
}
