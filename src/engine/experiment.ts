// One run from a config: resolve the game, build the population (personas, roles, memories, model or
// scripted policies), wire the model stack's recorder into the engine, stream the trace to
// `<out>/trace.jsonl`, and write `<out>/summary.json`. Rerun, fork and resume are the same path with a
// replay window and, for resume, a checkpoint to continue from.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ConfigError } from '../core/errors/config-error.js';
import { OutputWriteError } from '../core/errors/output-write-error.js';
import { Rng } from '../core/rng.js';
import { systemClock, type Clock } from '../core/clock.js';
import { TRACE_SCHEMA_VERSION, SDK_NAME, SDK_VERSION } from '../core/version.js';
import type { Agent, Policy } from '../agents/agent.js';
import { createMemory } from '../agents/memory/index.js';
import { modelPolicy } from '../agents/model-policy.js';
import { personaSchema, type Persona } from '../agents/persona.js';
import { samplePersonas } from '../agents/persona-sampler.js';
import { personaDriftProbe } from '../agents/persona-drift.js';
import { loadPrompt, loadedPromptHashes } from '../agents/prompt-template.js';
import { scriptedPolicy } from '../agents/scripted-policy.js';
import type { AgentId, AnyGame } from '../games/game.js';
import type { GameDefinition } from '../games/definition.js';
import { parseGameParams } from '../games/parse-game-params.js';
import { gameRegistry } from '../games/registry.js';
import type { ModelClient } from '../models/model.js';
import { withClassifiedErrors } from '../models/provider-error.js';
import { genericRole } from '../roles/generic-role.js';
import { findRole } from '../roles/registry.js';
import '../roles/builtin-roles.js';
import type { TraceHeader } from '../traces/event.js';
import { TraceWriter } from '../traces/trace-writer.js';
import { CallJournal } from '../traces/call-journal.js';
import { CallRecorder, type ModelCallRecord } from './call-recorder.js';
import { defaultModelBuilder } from './default-models.js';
import type { CheckpointState, PopulationEntry } from './checkpoint.js';
import type { AgentConfig, RunConfig } from './config/config-schema.js';
import type { EngineHooks } from './hooks.js';
import { packageVersions } from './package-versions.js';
import { assertPricedBudget, specIdentity } from './price-check.js';
import { modelSpecs } from './default-models.js';
import { ReplayBook, type ReplayWindow } from './replaying-client.js';
import { runGame } from './run-game.js';
import { acquireRunLock, type RunLock } from './run-lock.js';
import type { RunResult } from './run-result.js';

/** Builds the model stack for a spec; `record` must receive every call (the recording wrapper's sink). */
export type ModelBuilder = (spec: string, context: { record: (r: ModelCallRecord) => void; config: RunConfig }) => ModelClient;

export interface RunExperimentOptions {
  config: RunConfig;
  /** Output directory for trace.jsonl and summary.json. */
  out: string;
  /** Lookup of game definitions. @default gameRegistry (every built-in game and any registered with registerGame) */
  games?: ReadonlyMap<string, GameDefinition<unknown>>;
  /** Builds each model client of the run. @default defaultModelBuilder() (the config's pacing, retry, cache, prices and budgets) */
  buildModel?: ModelBuilder;
  clock?: Clock;
  signal?: AbortSignal;
  hooks?: EngineHooks;
  /** Serve recorded calls (rerun: strict; fork and resume: then live). */
  replay?: ReplayWindow;
  /** Continue an interrupted run: the checkpoint and the writer already positioned after it. */
  resume?: { checkpoint: CheckpointState; writer: TraceWriter; runId: string; lock: RunLock };
  /** Recorded as `header.parent`. */
  parent?: TraceHeader['parent'];
  /** Run id. @default a random UUID */
  runId?: string;
  /** Replace an existing `<out>/trace.jsonl`. @default false (refuse, so no recorded run is lost) */
  overwrite?: boolean;
}

export interface ExperimentResult extends RunResult {
  traceFile: string;
  summaryFile: string;
  /** Calls served from a recording (rerun, fork, resume). */
  replayed: number;
  /** Model calls this run made (counted at the model stack; with a recording, only those past it). */
  modelCalls: number;
}

export async function runExperiment(options: RunExperimentOptions): Promise<ExperimentResult> {
  const { config } = options;
  const games = options.games ?? gameRegistry;
  const buildModel = options.buildModel ?? defaultModelBuilder();
  const definition = games.get(config.game);
  if (!definition) {
    throw ConfigError.at('game', `unknown game "${config.game}"; known games: ${[...games.keys()].sort().join(', ')}`);
  }
  const params = parseGameParams(definition, config.params);
  // A dollar budget needs a price for every model that may be called live (a strict rerun calls none);
  // checked before any client is built, so the refusal comes before a missing API key.
  if (options.replay?.mode !== 'strict') assertPricedBudget(config.budget?.dollars, config, modelSpecs(config).map(specIdentity));

  const seats = expandAgents(config.agents);
  const range = definition.agentCount(params);
  if (seats.length < range.min || seats.length > range.max) {
    const want = range.min === range.max ? `${range.min}` : `${range.min} to ${range.max}`;
    throw ConfigError.at('agents', `game ${config.game} takes ${want} agents, the config gives ${seats.length}`);
  }
  const ids = seats.map((s) => s.id);
  const game: AnyGame = definition.create(params, ids);
  const runId = options.resume?.runId ?? options.runId ?? randomUUID();
  const root = Rng.fromSeed(config.seed);

  const recorder = new CallRecorder();
  const book = options.replay ? new ReplayBook(options.replay) : undefined;
  const clients = new Map<string, ModelClient>();
  const modelFor = (spec: string): ModelClient => {
    const resolved = spec === 'default' ? config.models.default : spec;
    let client = clients.get(resolved);
    if (!client) {
      let live: ModelClient | undefined;
      try {
        live = buildModel(resolved, { record: recorder.record, config });
      } catch (error) {
        // A strict rerun never calls the live model (it only names it), so a missing API key is fine there.
        if (options.replay?.mode !== 'strict') throw error;
      }
      client = withClassifiedErrors(book ? book.client(live, recorder.record) : live!);
      clients.set(resolved, client);
    }
    return client;
  };

  const sampled = config.personas ? samplePersonas(config.personas, ids, root.derive('personas')) : undefined;
  /** The model each model-policy agent uses (also for its persona-drift probe). */
  const agentModels = new Map<AgentId, ModelClient>();
  const makeAgent = (seat: Seat, index: number, inherit?: Record<string, unknown>): Agent => {
    const roleName = seat.config.role ?? definition.roleFor(params, index, seat.id);
    const role = findRole(roleName) ?? genericRole(definition.metadata.description);
    const persona: Persona | undefined = seat.config.persona
      ? personaSchema.parse({ name: seat.id, ...seat.config.persona })
      : sampled?.[index];
    let policy: Policy;
    let model: ModelClient | undefined;
    const p = seat.config.policy;
    if ('strategy' in p) {
      const strategy = definition.strategies?.[p.strategy];
      if (!strategy) {
        const known = Object.keys(definition.strategies ?? {}).sort().join(', ') || '(none)';
        throw ConfigError.at(`agents[${seat.entry}].policy.strategy`, `unknown strategy "${p.strategy}" for game ${config.game}; known: ${known}`);
      }
      policy = scriptedPolicy(strategy);
    } else {
      model = modelFor(p.model);
      agentModels.set(seat.id, model);
      policy = modelPolicy({ model, role, ...(p.sampling ? { sampling: p.sampling } : {}), ...(p.timeoutMs ? { timeoutMs: p.timeoutMs } : {}) });
    }
    return {
      id: seat.id,
      role: roleName,
      ...(persona ? { persona } : {}),
      ...(inherit ? { inherit } : {}),
      memory: createMemory(seat.config.memory, seat.id, seat.config.memory?.kind === 'summary' ? modelFor(seat.config.memory.model ?? ('model' in p ? p.model : 'default')) : model),
      policy,
    };
  };
  const seatOf = new Map(seats.map((s, i) => [s.id, { seat: s, index: i }]));
  const agents = seats.map((s, i) => makeAgent(s, i));
  const spawn = (entry: PopulationEntry): Agent => {
    const from = (entry.parent && seatOf.get(entry.parent)) || { seat: seats[0]!, index: 0 };
    const seat: Seat = { ...from.seat, id: entry.id };
    seatOf.set(entry.id, { seat, index: from.index });
    return makeAgent(seat, from.index, entry.inherit);
  };

  // The header records the hash of every template the roles will render, so load them first.
  for (const a of agents) if (a.policy.metadata.usesModel) for (const t of (findRole(a.role) ?? genericRole('')).templates) loadPrompt(t);
  mkdirSync(options.out, { recursive: true });
  const traceFile = join(options.out, 'trace.jsonl');
  const clock = options.clock ?? systemClock;
  const header: TraceHeader = {
    type: 'header',
    schemaVersion: TRACE_SCHEMA_VERSION,
    runId,
    sdk: { name: SDK_NAME, version: SDK_VERSION },
    packages: packageVersions(),
    config,
    seeds: { root: config.seed },
    models: Object.fromEntries([...agentModels].map(([id, m]) => [id, { provider: m.provider, modelId: m.modelId }])),
    prompts: loadedPromptHashes(),
    ...(options.parent ? { parent: options.parent } : {}),
    createdAt: new Date(clock.now()).toISOString(),
  };
  // Nobody else may write this directory meanwhile (an overwrite included); resume and fork hold it already.
  const lock = options.resume?.lock ?? acquireRunLock(options.out);
  let writer: TraceWriter;
  try {
    writer = options.resume?.writer ?? TraceWriter.create(traceFile, header, { overwrite: options.overwrite ?? false });
  } catch (error) {
    lock.release();
    throw error;
  }
  // Answers waiting behind a slower seat are journaled beside the trace until the trace holds them.
  const journal = CallJournal.open(traceFile, { keep: Boolean(options.resume) });
  let result: RunResult | undefined;
  try {
    result = await runGame({
      game,
      agents,
      runId,
      seed: config.seed,
      sink: writer,
      recorder,
      journal,
      clock,
      ...(config.budget ? { budget: config.budget } : {}),
      maxRepairs: config.maxRepairs,
      maxDefaultedShare: config.maxDefaultedShare,
      maxInFlight: config.maxInFlight,
      ...(options.hooks ? { hooks: options.hooks } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      spawn,
      ...(options.resume ? { resumeFrom: options.resume.checkpoint } : {}),
      recordObservations: config.trace.observations,
      checkpointEvery: config.trace.checkpointEvery,
      ...(config.personaDrift
        ? { probes: [personaDriftProbe({ every: config.personaDrift.every, modelFor: (a) => agentModels.get(a.id) })] }
        : {}),
    });
  } catch (error) {
    throw unwritable(error, traceFile, options.out) ?? error;
  } finally {
    try {
      writer.close();
    } catch (error) {
      if (!unwritable(error, traceFile, options.out)) throw error;
    }
    journal.close(result !== undefined);
    lock.release();
  }
  const summaryFile = join(options.out, 'summary.json');
  const replayed = book?.served ?? 0;
  const modelCalls = book ? book.liveCalls : result.usage.calls;
  writeFileSync(summaryFile, `${JSON.stringify({ ...result, game: config.game, seed: config.seed, replayed, modelCalls }, null, 2)}\n`);
  return { ...result, traceFile, summaryFile, replayed, modelCalls };
}

const WRITE_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS', 'EIO']);

/** A failed write of the trace as an error naming the file and the way to continue; else undefined. */
function unwritable(error: unknown, traceFile: string, out: string): OutputWriteError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !WRITE_FAILURES.has(code)) return undefined;
  return new OutputWriteError(traceFile, code, `the trace up to its last complete line is kept: free some space, then continue with \`polis resume ${out}\``, { cause: error });
}

interface Seat {
  id: AgentId;
  /** Index of the config entry it came from. */
  entry: number;
  config: AgentConfig;
}

/** Agent entries with `count` become seats with distinct ids. */
export function expandAgents(entries: readonly AgentConfig[]): Seat[] {
  const seats: Seat[] = [];
  const seen = new Set<string>();
  entries.forEach((config, entry) => {
    const base = config.id ?? config.role ?? ('strategy' in config.policy ? config.policy.strategy : 'agent');
    for (let i = 1; i <= config.count; i++) {
      let id = config.count === 1 && config.id ? config.id : `${base}-${i}`;
      if (!config.id) {
        let n = i;
        while (seen.has(id)) id = `${base}-${++n}`;
      }
      if (seen.has(id)) throw ConfigError.at(`agents[${entry}].id`, `duplicate agent id "${id}"`);
      seen.add(id);
      seats.push({ id, entry, config });
    }
  });
  return seats;
}
