// The turn engine: drives a pure `Game` with a population of agents, phase by phase.
//   phase -> observe (all observations fixed before anyone acts) -> agents act concurrently (paced,
//   cached, recorded by the model stack) -> validate / repair / default -> game.apply -> events.
// Events of a concurrent phase are buffered per agent and written in seat order, so a trace does not
// depend on which model answered first: resume and rerun reproduce it byte for byte.
import pMap from 'p-map';
import { PolisError } from '../core/errors/polis-error.js';
import { BudgetExceededError } from '../core/errors/budget-exceeded-error.js';
import { AbortedError } from '../core/errors/aborted-error.js';
import { systemClock, type Clock } from '../core/clock.js';
import { Rng } from '../core/rng.js';
import type { Agent, Memory } from '../agents/agent.js';
import type { AgentId, AnyGame, Outcome, Phase } from '../games/game.js';
import type { NewTraceEvent, TraceEvent } from '../traces/event.js';
import { checkBudget, type Budget } from './budget.js';
import type { CallRecorder, ModelCallRecord } from './call-recorder.js';
import { AgentStreams } from './agent-streams.js';
import type { CheckpointState, PopulationEntry } from './checkpoint.js';
import { decide, type Decision } from './decide.js';
import type { EngineHooks } from './hooks.js';
import { rememberPhase } from './remember.js';
import { SeatBuffers } from './seat-buffers.js';
import { emptyInvalidCounts, invalidMetrics, type RunResult } from './run-result.js';
import { UsageLedger } from './usage-ledger.js';
import type { CallJournal, TraceSink } from './trace-sink.js';

export interface RoundProbe {
  /** Run every `every` rounds (at round boundaries). */
  every: number;
  run(agents: readonly Agent[], round: number): Promise<Record<string, number>>;
}

export interface RunGameOptions {
  game: AnyGame;
  /** Agents in seat order; ids must match `game.agents`. */
  agents: Agent[];
  runId: string;
  seed: number;
  sink: TraceSink;
  /** Connect the model stack's recording wrapper here to get model-call events in the trace. */
  recorder?: CallRecorder;
  /**
   * Write-ahead log for answers that wait in a phase behind a slower seat: each is appended as soon as it
   * arrives (batched per event-loop turn), and the log is cleared at every checkpoint.
   */
  journal?: CallJournal;
  clock?: Clock;
  budget?: Budget;
  /** Repair attempts after an invalid action. @default 2 */
  maxRepairs?: number;
  /**
   * A run that finishes with more than this share of its decisions defaulted ends `degraded` (its
   * numbers describe the games' default actions, not the agents). @default 0.5
   */
  maxDefaultedShare?: number;
  hooks?: EngineHooks;
  signal?: AbortSignal;
  /** Builds agents born between generations. Required by games that change their population. */
  spawn?: (entry: PopulationEntry) => Agent;
  /** Continue from a checkpoint (resume, fork) instead of starting the game. */
  resumeFrom?: CheckpointState;
  /** Write `observation` events. @default true */
  recordObservations?: boolean;
  /** Checkpoint every k rounds. @default 1 */
  checkpointEvery?: number;
  /**
   * Decisions of one phase under way at once (each model call is further paced by its provider's limits).
   * Bounds a wide phase's memory. @default 1024
   */
  maxInFlight?: number;
  probes?: RoundProbe[];
}

export async function runGame(options: RunGameOptions): Promise<RunResult> {
  const { game, sink, hooks } = options;
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  const root = Rng.fromSeed(options.seed);
  const maxRepairs = options.maxRepairs ?? 2;
  const recordObservations = options.recordObservations ?? true;
  const checkpointEvery = options.checkpointEvery ?? 1;
  const maxInFlight = options.maxInFlight ?? 1024;

  const agents = new Map<AgentId, Agent>(options.agents.map((a) => [a.id, a]));
  const resume = options.resumeFrom;
  let population: PopulationEntry[] = resume?.population ?? options.agents.map((a) => ({ id: a.id, ...(a.inherit ? { inherit: a.inherit } : {}) }));
  for (const entry of population) if (!agents.has(entry.id)) agents.set(entry.id, spawnAgent(entry));
  const streams = new AgentStreams(root, resume);
  const rngFor = (id: AgentId): Rng => streams.for(id);
  const gameRng = resume ? Rng.fromState(resume.gameRng) : root.derive('game');
  let state: unknown;
  let turns = resume?.turns ?? 0;
  let decided = resume?.decisions ?? 0;
  const maxDefaultedShare = options.maxDefaultedShare ?? 0.5;
  /** Rounds finished (a round is finished when the next one starts or the game ends). */
  let rounds = resume?.rounds ?? 0;
  let lastRound: number | undefined = resume?.round;
  const invalid = resume ? { ...resume.invalid } : emptyInvalidCounts();
  const ledger = new UsageLedger(resume);
  const usage = ledger.total;
  const probeMetrics: Record<string, number> = {};
  let time = resume?.round ?? 0;

  function spawnAgent(entry: PopulationEntry): Agent {
    if (!options.spawn) throw new TypeError(`game ${game.metadata.name} added agent "${entry.id}" but no spawn() was given to the engine`);
    return options.spawn(entry);
  }

  function write(event: NewTraceEvent): number {
    const seq = sink.append(event);
    hooks?.event?.({ ...event, seq } as TraceEvent);
    return seq;
  }

  // A phase's events wait for their seat; model calls outside a phase (summaries, probes) go straight out.
  const seats = new SeatBuffers(write, options.journal);
  const onCall = (record: ModelCallRecord): void => {
    account(record);
    const event = { ...record, type: 'model-call', time: record.time ?? time } as NewTraceEvent;
    if (!seats.hold(record.agent, event, true)) write(event);
    void hooks?.['model-call-end']?.(record as never);
  };
  options.recorder?.attach(onCall);

  function account(record: ModelCallRecord): void {
    ledger.add(record, agents.get(record.agent)?.role ?? record.call.role ?? 'none');
  }

  function checkpoint(round: number): void {
    const snapshot: CheckpointState = {
      version: 2,
      round,
      rounds,
      turns,
      game: state,
      gameRng: gameRng.getState(),
      ...streams.snapshot(population),
      // An empty memory is left out (a scripted agent's stays empty): it restores as the fresh one it is.
      memories: Object.fromEntries(population.flatMap((p) => {
        const memory = agents.get(p.id)!.memory;
        return memory.view().length ? [[p.id, memory.snapshot()]] : [];
      })),
      population,
      invalid,
      decisions: decided,
      ...ledger.snapshot(population.map((p) => p.id), population.map((p) => agents.get(p.id)?.role ?? 'none')),
    };
    write({ type: 'checkpoint', time: round, state: snapshot });
    // Every phase before a checkpoint is in the trace, so nothing journaled is still waiting.
    options.journal?.clear();
  }

  let status: RunResult['status'] = 'completed';
  let reason: string | undefined;
  try {
    if (resume) {
      state = game.revive ? game.revive(resume.game) : resume.game;
      for (const [id, m] of Object.entries(resume.memories)) agents.get(id)?.memory.restore(m);
    } else {
      state = game.init(gameRng);
      write({
        type: 'run-start',
        time: 0,
        wall: clock.now(),
        game: { name: game.metadata.name, version: game.metadata.version },
        agents: population.map((p) => describeAgent(agents.get(p.id)!)),
      });
    }
    await hooks?.['run-start']?.({ runId: options.runId, agents: population.map((p) => p.id) });

    for (;;) {
      if (options.signal?.aborted) throw new AbortedError('run aborted by its caller');
      const phase = game.isOver(state) ? null : game.phase(state);
      if (!phase) break;
      time = phase.round;
      if (phase.round !== lastRound) {
        if (lastRound !== undefined) rounds++;
        checkBudget(options.budget, { rounds, usage, wallMs: clock.now() - started });
        await runProbes(phase.round);
        if (rounds % checkpointEvery === 0) checkpoint(phase.round);
        lastRound = phase.round;
      } else {
        checkBudget(options.budget && { ...options.budget, turns: undefined }, { rounds, usage, wallMs: clock.now() - started });
      }
      await runPhase(phase);
      turns++;
    }
    if (lastRound !== undefined) rounds++;
  } catch (error) {
    // Calls already paid for in the interrupted phase are written, so nothing recorded is lost.
    seats.writeAll();
    if (error instanceof BudgetExceededError) {
      status = 'stopped';
      reason = error.message;
    } else {
      status = 'failed';
      reason = error instanceof PolisError ? `[${error.code}] ${error.message}` : error instanceof Error ? error.message : String(error);
      if (!(error instanceof PolisError) || error.code === 'aborted') {
        finish();
        throw error;
      }
    }
  } finally {
    options.recorder?.detach();
  }
  return finish();

  function finish(): RunResult {
    if (status === 'completed' && decided > 0 && invalid.defaulted / decided > maxDefaultedShare) {
      status = 'degraded';
      reason = `${invalid.defaulted} of ${decided} actions were defaulted (more than maxDefaultedShare ${maxDefaultedShare}): the results describe the games' default actions, not the agents`;
    }
    const payoffs = state === undefined ? {} : game.payoffs(state);
    const metrics = { ...(state === undefined ? {} : game.metrics(state)), ...probeMetrics, ...invalidMetrics(invalid) };
    write({ type: 'run-end', time, wall: clock.now(), status, ...(reason ? { reason } : {}), payoffs, metrics });
    const result: RunResult = {
      runId: options.runId,
      status,
      ...(reason ? { reason } : {}),
      rounds,
      turns,
      payoffs,
      metrics,
      invalid,
      usage,
      usageByAgent: ledger.byAgent,
      usageByRole: ledger.byRole,
      wallMs: clock.now() - started,
    };
    void hooks?.['run-end']?.(result);
    return result;
  }

  async function runProbes(round: number): Promise<void> {
    for (const probe of options.probes ?? []) {
      if (round === 0 || round % probe.every !== 0) continue;
      const values = await probe.run(population.map((p) => agents.get(p.id)!), round);
      for (const [name, value] of Object.entries(values)) {
        probeMetrics[name] = value;
        write({ type: 'metric', time: round, name, value });
      }
    }
  }

  async function runPhase(phase: Phase): Promise<void> {
    await hooks?.['turn-start']?.({ phase });
    const phaseSeq = write({ type: 'phase-start', time: phase.round, phase: { ...phase, agents: [...phase.agents] } });
    // Sealed: every observation comes from the same state, which no agent's action changes before `apply`.
    // Each agent's call starts as soon as its observation is built, and each agent's events are written, in
    // seat order, as soon as it and every seat before it have decided: a phase of 1,000 agents neither waits
    // for all observations before the first call nor for the last answer before the first write.
    const n = phase.agents.length;
    const observations = new Array<unknown>(n);
    const decisions = new Array<Decision | undefined>(n);
    seats.open(phase.agents);
    const actions = new Map<AgentId, unknown>();
    const actionSeqs: number[] = [];
    let written = 0;
    const writeDecided = (): void => {
      for (; written < n && decisions[written] !== undefined; written++) {
        const id = phase.agents[written]!;
        const d = decisions[written]!;
        const parents: number[] = [phaseSeq];
        if (recordObservations) parents.push(write({ type: 'observation', time: phase.round, agent: id, observation: observations[written], parents: [phaseSeq] }));
        for (const e of seats.take(id)) parents.push(write({ ...e, parents: [phaseSeq] } as NewTraceEvent));
        // written: the phase no longer holds them (a wide phase's garbage dies young)
        observations[written] = undefined;
        decisions[written] = undefined;
        actions.set(id, d.action);
        actionSeqs.push(write({ type: 'action', time: phase.round, agent: id, action: d.action, ...(d.defaulted ? { defaulted: true } : {}), parents }));
      }
    };
    // At most `maxInFlight` decisions are under way at once, so a phase of a million agents holds a bounded
    // number of pending calls. Every call started settles before a failure ends the run: an answer that
    // arrives after another seat's call failed for good is paid for, so it is written (and served again on
    // resume), not dropped; no new call starts once one has failed.
    const failures = new Map<number, unknown>();
    await pMap(
      phase.agents,
      async (id, i) => {
        if (failures.size) return;
        try {
          const agent = agents.get(id);
          if (!agent) throw new TypeError(`game ${game.metadata.name} asked unknown agent "${id}" to act`);
          observations[i] = game.observe(state, id);
          decisions[i] = await decide({
            game,
            state,
            agent,
            observation: observations[i],
            phase,
            context: { runId: options.runId, turn: phase.round, phase, rng: rngFor(id), ...(options.signal ? { signal: options.signal } : {}) },
            maxRepairs,
            emit: (e) => void (seats.hold(id, e, false) || write(e)),
            counts: invalid,
            ...(hooks?.['action-invalid'] ? { onInvalid: hooks['action-invalid'] } : {}),
          });
          decided++;
          writeDecided();
        } catch (error) {
          failures.set(i, error);
        }
      },
      { concurrency: maxInFlight },
    );
    // The first failing seat's error, whichever failed first in time.
    if (failures.size) throw failures.get(Math.min(...failures.keys()));
    seats.close();
    const result = game.apply(state, actions, gameRng);
    state = result.state;
    for (const outcome of result.outcomes) writeOutcome(outcome, phase.round, actionSeqs);
    await rememberPhase(phase, actions, result.outcomes, memoryOf, () => population.map((p) => p.id));
    if (result.population) applyPopulation(result.population);
    await hooks?.['turn-end']?.({ phase, actions: Object.fromEntries(actions) });
  }

  function writeOutcome(outcome: Outcome, round: number, parents: number[]): void {
    if (outcome.type === 'message') {
      write({ type: 'message', time: round, agent: outcome.from, from: outcome.from, to: outcome.to, channel: outcome.channel, content: outcome.content, parents });
    } else if (outcome.type === 'metric') {
      write({ type: 'metric', time: round, name: outcome.name, value: outcome.value, ...(outcome.agent ? { agent: outcome.agent } : {}), parents });
    } else {
      write({ type: 'outcome', time: round, ...(outcome.agent ? { agent: outcome.agent } : {}), outcome: outcome as never, parents });
    }
  }

  function memoryOf(id: AgentId): Memory | undefined {
    const agent = agents.get(id);
    return agent?.policy.metadata.usesModel ? agent.memory : undefined;
  }

  function applyPopulation(change: { remove: AgentId[]; add: PopulationEntry[] }): void {
    const removed = new Set(change.remove);
    population = population.filter((p) => !removed.has(p.id));
    for (const entry of change.add) {
      population.push(entry);
      agents.set(entry.id, spawnAgent(entry));
    }
  }
}

function describeAgent(agent: Agent): { id: string; role: string; policy: string; usesModel: boolean; persona?: unknown } {
  return {
    id: agent.id,
    role: agent.role,
    policy: agent.policy.metadata.name,
    usesModel: agent.policy.metadata.usesModel,
    ...(agent.persona ? { persona: agent.persona } : {}),
  };
}
