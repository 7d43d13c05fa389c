// The LLM Economist (spec 1; Karten et al., arXiv 2507.15815) as a pure game on two timescales: workers
// choose labor every step; every `plannerPeriod` steps a planner (or an election) changes the tax rates.
import type { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { AgentId, ApplyResult, Game, Outcome, Phase } from '../game.js';
import { citizenContext, observePlanner, observeSatisfaction, observeWorker } from './economist-observe.js';
import { economistActionProblem } from './economist-legality.js';
import { applyElection, applyLabor, applyPlanner, recordPlatforms } from './economist-apply.js';
import { applySatisfaction } from './apply-satisfaction.js';
import {
  candidacyActionSchema,
  laborActionSchema,
  plannerActionSchema,
  satisfactionActionSchema,
  voteActionSchema,
  type EconomistAction,
  type EconomistObservation,
  type EconomistState,
} from './economist-types.js';
import { sampleWorkerPersonas, type PersonaSource } from './personas.js';
import { sampleSkills, sampleStratifiedSkills, type SkillDistribution } from './skills.js';
import { assignUtilityTypes, type UtilityMix, type UtilityType } from './utility-types.js';
import type { SwfKind } from './welfare.js';
import { economistMetrics } from './economist-metrics.js';

export interface EconomistOptions {
  /** `planner`: agent 0 is the planner; `democratic`: every agent is a worker and they elect a leader. */
  mode: 'planner' | 'democratic';
  /** Bracket edges in dollars (length K + 1). */
  brackets: readonly number[];
  /** How skills are drawn, or explicit skills (one per worker). */
  skills: SkillDistribution | readonly number[];
  /** Minimum workers per tax bracket when skills are `us-income-stratified`. @default 5 */
  minPerBracket?: number | undefined;
  /** Where worker personas come from. @default 'fallback' */
  personas?: PersonaSource | undefined;
  /** One utility type for all, one per worker, or a mix in percent (shuffled over workers with the run's rng). @default 'egotistical' */
  utility?: UtilityType | readonly UtilityType[] | UtilityMix | undefined;
  /** Worker steps in the run. */
  steps: number;
  /** Steps per tax year (the planner's period, `two_timescale`). */
  plannerPeriod: number;
  /** No planner step before this step. */
  warmup: number;
  /** Steps remembered for averages and the planner's best-so-far. */
  historyWindow: number;
  swf: SwfKind;
  /** Starting rates, percent (default 50 in every bracket). */
  initialRates?: readonly number[] | undefined;
  laborCost: { c: number; delta: number };
}

export class EconomistGame implements Game<EconomistState, EconomistAction, EconomistObservation> {
  readonly metadata = {
    name: 'llm-economist',
    version: '1',
    description: 'Workers choose hours under a piecewise-linear income tax; a planner or an elected leader changes the rates every tax year.',
    source: 'Karten et al., arXiv 2507.15815; sethkarten/LLM-Economist@ca46185a (spec section 1)',
  };
  readonly agents: readonly AgentId[];
  readonly workers: readonly AgentId[];
  readonly planner: AgentId | null;
  readonly brackets: readonly number[];
  readonly options: EconomistOptions;
  /** Worker id -> index into the state arrays. */
  readonly workerIndex: ReadonlyMap<AgentId, number>;

  constructor(options: EconomistOptions, agents: readonly AgentId[]) {
    this.options = options;
    this.agents = agents;
    this.planner = options.mode === 'planner' ? (agents[0] ?? null) : null;
    this.workers = options.mode === 'planner' ? agents.slice(1) : agents.slice();
    if (this.workers.length === 0) throw new RangeError('the economy needs at least one worker');
    this.brackets = options.brackets;
    this.workerIndex = new Map(this.workers.map((w, i) => [w, i]));
    if (typeof options.skills !== 'string' && options.skills.length !== this.workers.length) {
      throw new RangeError(`${options.skills.length} skills given for ${this.workers.length} workers`);
    }
    if (Array.isArray(options.utility) && options.utility.length !== this.workers.length) {
      throw new RangeError(`${options.utility.length} utility types given for ${this.workers.length} workers`);
    }
  }

  get bracketCount(): number {
    return this.brackets.length - 1;
  }

  init(rng: Rng): EconomistState {
    const n = this.workers.length;
    const k = this.bracketCount;
    const rates = (this.options.initialRates ?? new Array<number>(k).fill(50)).slice();
    if (rates.length !== k) throw new RangeError(`initialRates has ${rates.length} entries; the brackets need ${k}`);
    const o = this.options;
    const skills =
      o.skills === 'us-income-stratified'
        ? sampleStratifiedSkills(n, this.brackets, rng.derive('skills'), o.minPerBracket ?? 5)
        : typeof o.skills === 'string'
          ? sampleSkills(n, o.skills, rng.derive('skills'))
          : o.skills.slice();
    const utility = o.utility ?? 'egotistical';
    const utilityTypes: UtilityType[] =
      typeof utility === 'string'
        ? new Array<UtilityType>(n).fill(utility)
        : Array.isArray(utility)
          ? (utility as readonly UtilityType[]).slice()
          : assignUtilityTypes(n, utility as UtilityMix, rng.derive('utility-types'));
    const zeros = (): number[] => new Array<number>(n).fill(0);
    return {
      step: 0,
      stage: 'labor',
      rates,
      skills,
      personas: sampleWorkerPersonas(n, o.personas ?? 'fallback', rng.derive('personas')),
      utilityTypes,
      labor: zeros(),
      income: zeros(),
      tax: zeros(),
      utility: zeros(),
      isoelasticUtility: zeros(),
      satisfaction: new Array<number>(n).fill(1),
      rebate: 0,
      cumulativeUtility: zeros(),
      laborWindow: [],
      utilityWindow: [],
      history: [],
      swfTable: {},
      cumulativeSwf: 0,
      years: [],
      yearSwfSum: 0,
      yearSteps: 0,
      plannerUpdates: 0,
      platforms: {},
      platformRevenue: {},
      incomePercentiles: [],
      leader: null,
      elections: [],
      violations: [],
    };
  }

  phase(state: EconomistState): Phase | null {
    if (this.isOver(state)) return null;
    switch (state.stage) {
      case 'plan':
        return { kind: 'planner-step', agents: [this.planner as string], round: state.step, label: 'plan' };
      case 'candidacy':
        return { kind: 'planner-step', agents: this.workers.slice(), round: state.step, label: 'candidacy' };
      case 'vote':
        return { kind: 'planner-step', agents: this.workers.slice(), round: state.step, label: 'vote' };
      case 'labor':
        return { kind: 'simultaneous', agents: this.workers.slice(), round: state.step, label: 'labor' };
      case 'satisfaction':
        // Belongs to the step just played, so it shares that step's round.
        return { kind: 'simultaneous', agents: this.boundedWorkers(state), round: state.step - 1, label: 'satisfaction' };
    }
  }

  /** Workers of the bounded type, in seat order. */
  boundedWorkers(state: EconomistState): AgentId[] {
    return this.workers.filter((_, i) => state.utilityTypes[i] === 'bounded');
  }

  observe(state: EconomistState, agent: AgentId): EconomistObservation {
    if (agent === this.planner) return observePlanner(this, state);
    const i = this.workerIndex.get(agent);
    if (i === undefined) throw new RangeError(`unknown agent ${agent}`);
    if (state.stage === 'satisfaction') return observeSatisfaction(this, state, i);
    if (state.stage === 'candidacy') return { kind: 'candidacy', ...citizenContext(this, state, i) };
    if (state.stage === 'vote') {
      const candidates = Object.entries(state.platforms)
        .filter((e): e is [string, number[]] => e[1] !== null)
        .map(([id, platform]) => ({ id, platform, estimatedRevenue: state.platformRevenue[id] ?? 0 }));
      return { kind: 'vote', ...citizenContext(this, state, i), candidates };
    }
    return observeWorker(this, state, i);
  }

  actionSchema(state: EconomistState, agent: AgentId): z.ZodType<EconomistAction> {
    if (agent === this.planner) return plannerActionSchema as z.ZodType<EconomistAction>;
    const schema = {
      plan: laborActionSchema,
      labor: laborActionSchema,
      candidacy: candidacyActionSchema,
      vote: voteActionSchema,
      satisfaction: satisfactionActionSchema,
    }[state.stage];
    return schema as z.ZodType<EconomistAction>;
  }

  legality(state: EconomistState, agent: AgentId, action: EconomistAction): string | undefined {
    return economistActionProblem(this, state, agent, action);
  }

  defaultAction(state: EconomistState, agent: AgentId): EconomistAction {
    if (agent === this.planner) return { DELTA: new Array<number>(this.bracketCount).fill(0) };
    if (state.stage === 'candidacy') return { run: false };
    if (state.stage === 'vote') return { vote: '' };
    if (state.stage === 'satisfaction') return { ANSWER: 'YES' };
    const i = this.workerIndex.get(agent) ?? 0;
    return { LABOR: state.step > 0 ? (state.labor[i] as number) : 40 };
  }

  apply(state: EconomistState, actions: ReadonlyMap<AgentId, EconomistAction>, rng: Rng): ApplyResult<EconomistState> {
    const outcomes: Outcome[] = [];
    const violations = state.violations.slice();
    const checked = (agent: AgentId): EconomistAction => {
      const action = actions.get(agent) ?? this.defaultAction(state, agent);
      const problem = this.legality(state, agent, action);
      if (problem === undefined) return action;
      violations.push({ agent, step: state.step, reason: problem });
      outcomes.push({ type: 'event', name: 'action-rejected', agent, data: { reason: problem } });
      return this.defaultAction(state, agent);
    };
    let next: EconomistState;
    switch (state.stage) {
      case 'plan':
        next = applyPlanner(this, state, checked(this.planner as string), outcomes);
        break;
      case 'candidacy':
        next = recordPlatforms(this, state, this.workers.map(checked), outcomes);
        break;
      case 'vote':
        next = applyElection(this, state, this.workers.map(checked), rng, outcomes);
        break;
      case 'labor':
        next = applyLabor(this, state, this.workers.map(checked), outcomes);
        break;
      case 'satisfaction':
        next = applySatisfaction(this, state, new Map(this.boundedWorkers(state).map((w) => [w, checked(w)])), outcomes);
        break;
    }
    return { state: { ...next, violations }, outcomes };
  }

  isOver(state: EconomistState): boolean {
    // The bounded workers still judge the last step after it is played.
    return state.step >= this.options.steps && state.stage !== 'satisfaction';
  }

  payoffs(state: EconomistState): Record<AgentId, number> {
    const out: Record<AgentId, number> = {};
    this.workers.forEach((w, i) => (out[w] = state.cumulativeUtility[i] as number));
    if (this.planner) out[this.planner] = state.cumulativeSwf;
    return out;
  }

  metrics(state: EconomistState): Record<string, number> {
    return economistMetrics(this, state);
  }
}
