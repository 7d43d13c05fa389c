// Apply configured judges to a trace and write a NEW trace: a copy of every event, then the
// `judge-score` and `reward` events, with `header.parent = { runId, relation: 'judged' }`. The input
// file is only read, never modified.
import { dirname, join } from 'node:path';
import { systemClock, type Clock } from '../core/clock.js';
import { hashValue } from '../core/hash.js';
import { loadedPromptHashes } from '../agents/prompt-template.js';
import type { ModelClient } from '../models/model.js';
import type { NewTraceEvent, TraceEvent, TraceHeader } from '../traces/event.js';
import { readTrace } from '../traces/trace-reader.js';
import { TraceWriter } from '../traces/trace-writer.js';
import { buildTargetJudge, type ModelJudgeEntry } from './build-judge.js';
import { parseJudgeConfig, type JudgeConfig, type JudgeConfigInput, type JudgeEntry, type ScorerJudgeEntry } from './judge-config.js';
import type { JudgeResult, JudgeTarget } from './judge.js';
import { assertJudgeFamiliesDiffer } from './panel/model-family.js';
import { segmentTurns } from './process/segment.js';
import { buildScorerJudge, type JudgeScorers } from './scorer/scorer-judges.js';
import { judgeSusceptibility, susceptibilityJudgeEvents } from './susceptibility/judge-susceptibility.js';
import type { Scorer } from '../local-models/scorer.js';
import { selectTargets } from './trace/select-targets.js';
import { creditSubgoals } from './trace/subgoal-credit.js';
import pMap from 'p-map';

export interface JudgeTraceOptions {
  /** The trace file to judge, or its header and events already in memory. */
  input: string | { header: TraceHeader; events: TraceEvent[] };
  /** A validated config, or a raw object validated here. */
  config: JudgeConfig | JudgeConfigInput;
  /**
   * Makes a client for a model spec (`openai:gpt-4o-mini`, `scripted:...`). Pass clients built with
   * createModelStack so judge calls are paced, cached, costed and recorded. `path` is the config path.
   */
  resolveModel?: (spec: string, path: string) => ModelClient;
  /**
   * Loads a local scorer for a `local:<file.gguf>` spec (the likelihood, follow-up, information-gain,
   * implicit-prm and agreement kinds). Called once per distinct spec. `path` is the config path.
   */
  resolveScorer?: (spec: string, path: string) => Promise<Scorer>;
  /** Output file. @default `<input dir>/judged.jsonl` (required when `input` is in memory) */
  out?: string;
  /** Replace an existing output file. @default false */
  overwrite?: boolean;
  /** For the header's `createdAt`. @default systemClock */
  clock?: Clock;
  /** Config file name, for error messages. */
  configFile?: string;
}

export interface JudgeTraceResult {
  out: string;
  runId: string;
  copied: number;
  judgeScores: number;
  rewards: number;
  calls: number;
  cost: number;
  /** Candidates the guard answered NO without calling a judge. */
  guardBlocked: number;
}

type Emit = { target: JudgeTarget; judge: string; result: JudgeResult; entry: JudgeEntry };

export async function judgeTrace(options: JudgeTraceOptions): Promise<JudgeTraceResult> {
  const config = parseJudgeConfig(options.config, options.configFile);
  const { header, events } = typeof options.input === 'string' ? await readTrace(options.input) : options.input;
  const out = options.out ?? (typeof options.input === 'string' ? join(dirname(options.input), 'judged.jsonl') : undefined);
  if (!out) throw new RangeError('judgeTrace: give `out` when the input trace is in memory');

  const clients = new Map<string, ModelClient>();
  config.judges.forEach((entry, i) => {
    if (!('model' in entry) || entry.model === undefined) return;
    if (!options.resolveModel) throw new RangeError(`judgeTrace: judge "${entry.name}" needs a model; pass resolveModel`);
    clients.set(entry.name, options.resolveModel(entry.model, `judges[${i}].model`));
  });
  if (config.requireDistinctFamily) {
    const judges = config.judges.flatMap((e, i) => {
      const c = clients.get(e.name);
      return c ? [{ name: e.name, provider: c.provider, modelId: c.modelId, path: `judges[${i}].model` }] : [];
    });
    const agents = Object.entries(header.models)
      .filter(([id]) => !id.startsWith('judge:'))
      .map(([name, m]) => ({ name, ...m }));
    assertJudgeFamiliesDiffer(judges, agents, options.configFile);
  }

  const scorers = new Map<string, JudgeScorers>();
  const loaded = new Map<string, Promise<Scorer>>();
  const load = (spec: string, path: string): Promise<Scorer> => {
    if (!options.resolveScorer) throw new RangeError(`judgeTrace: ${path} needs a local scorer; pass resolveScorer`);
    const known = loaded.get(spec) ?? options.resolveScorer(spec, path);
    loaded.set(spec, known);
    return known;
  };
  for (const [i, entry] of config.judges.entries()) {
    if (!('scorer' in entry) || entry.scorer === undefined) continue;
    const scorer = await load(entry.scorer, `judges[${i}].scorer`);
    const reference = entry.kind === 'implicit-prm' ? await load(entry.referenceScorer, `judges[${i}].referenceScorer`) : undefined;
    scorers.set(entry.name, { scorer, ...(reference ? { reference } : {}) });
  }

  const emits: Emit[] = [];
  const extra: NewTraceEvent[] = [];
  let calls = 0;
  let cost = 0;
  let guardBlocked = 0;
  for (const entry of config.judges) {
    const client = clients.get(entry.name);
    if (entry.kind === 'susceptibility') {
      const scorer = scorers.get(entry.name)?.scorer;
      const r = await judgeSusceptibility(events, { name: entry.name, runId: header.runId, concurrency: config.concurrency, ...(client ? { client } : {}), ...(scorer ? { scorer } : {}), ...(typeof options.input === 'string' ? { file: options.input } : {}) });
      calls += r.calls;
      cost += r.cost;
      extra.push(...susceptibilityJudgeEvents(r));
      continue;
    }
    if (entry.kind === 'subgoals') {
      const turns = segmentTurns(events).filter((t) => !entry.targets.agents || entry.targets.agents.includes(t.agent));
      const r = await creditSubgoals(entry.task, turns, { client: client as ModelClient, name: entry.name }, { runId: header.runId });
      calls += r.calls;
      cost += r.cost;
      const achieved = r.subgoals.filter((g) => g.achievedBy.length > 0).length;
      extra.push({ type: 'judge-score', time: turns.at(-1)?.time ?? 0, agent: `judge:${entry.name}`, judge: entry.name, target: turns.map((t) => t.seq), scores: { subgoals: r.subgoals.length, achieved }, rationale: r.subgoals.map((g) => `${g.description}: ${JSON.stringify(g.achievedBy)}`).join('; ') });
      turns.forEach((t, i) => extra.push({ type: 'reward', time: t.time, name: entry.reward?.name ?? entry.name, agent: t.agent, value: r.credit[i] ?? 0, target: [t.seq], parents: [t.seq] }));
      continue;
    }
    const scored = scorers.get(entry.name);
    const built = scored ? { judge: buildScorerJudge(entry as ScorerJudgeEntry, scored, events) } : buildTargetJudge(entry as ModelJudgeEntry, client);
    const targets = selectTargets(events, entry.targets);
    const results = await pMap(targets, (target) => built.judge.judge(target, { runId: header.runId, ...(target.time === undefined ? {} : { turn: target.time }) }), {
      concurrency: config.concurrency,
    });
    results.forEach((result, i) => emits.push({ target: targets[i] as JudgeTarget, judge: entry.name, result, entry }));
    if ('guard' in built) guardBlocked += built.guard?.stats.blocked ?? 0;
  }

  const runId = `${header.runId}.judged-${hashValue(config).slice(0, 8)}`;
  const models = { ...header.models };
  for (const [name, c] of clients) models[`judge:${name}`] = { provider: c.provider, modelId: c.modelId };
  for (const [name, s] of scorers) models[clients.has(name) ? `judge:${name}:local` : `judge:${name}`] = { provider: 'local', modelId: s.reference ? `${s.scorer.modelId} vs ${s.reference.modelId}` : s.scorer.modelId };
  const clock = options.clock ?? systemClock;
  const newHeader: TraceHeader = {
    ...header,
    runId,
    models,
    prompts: { ...header.prompts, ...loadedPromptHashes() },
    parent: { runId: header.runId, relation: 'judged' },
    createdAt: new Date(clock.now()).toISOString(),
  };
  const writer = TraceWriter.create(out, newHeader, { overwrite: options.overwrite ?? false, bufferBytes: 1 << 16 });
  let judgeScores = 0;
  let rewards = 0;
  try {
    for (const e of events) {
      const { seq: _seq, ...rest } = e;
      writer.append(rest as NewTraceEvent);
    }
    for (const { target, judge, result, entry } of emits) {
      calls += result.calls;
      cost += result.cost;
      const time = target.time ?? 0;
      writer.append({
        type: 'judge-score',
        time,
        agent: `judge:${judge}`,
        parents: target.seq,
        judge,
        target: target.seq,
        scores: result.scores,
        ...(result.rationale ? { rationale: result.rationale } : {}),
      });
      judgeScores++;
      if (entry.reward && target.agent !== undefined) {
        const dim = entry.reward.dimension ?? ('score' in result.scores ? 'score' : Object.keys(result.scores)[0]);
        const value = dim === undefined ? undefined : result.scores[dim];
        if (value !== undefined) {
          writer.append({ type: 'reward', time, agent: target.agent, parents: target.seq, name: entry.reward.name ?? judge, value, target: target.seq });
          rewards++;
        }
      }
    }
    for (const e of extra) {
      writer.append(e);
      if (e.type === 'judge-score') judgeScores++;
      else rewards++;
    }
  } finally {
    writer.close();
  }
  return { out, runId, copied: events.length, judgeScores, rewards, calls, cost, guardBlocked };
}
