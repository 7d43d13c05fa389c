// State transitions of the LLM Economist, one per stage. None mutates its input.
import type { Rng } from '../../core/rng.js';
import type { Outcome } from '../game.js';
import type { EconomistGame } from './economist-game.js';
import type { CandidacyAction, EconomistAction, EconomistStage, EconomistState, LaborAction, PlannerAction, VoteAction } from './economist-types.js';
import { percentiles } from './economist-observe.js';
import { applyDelta } from './planner-delta.js';
import { taxOwed } from './tax-schedule.js';
import { socialWelfare, workerUtility } from './welfare.js';
import { typedUtility } from './utility-types.js';

/** The stage that opens step `step`. */
export function stageFor(game: EconomistGame, step: number): EconomistStage {
  const o = game.options;
  const yearStart = step > 0 && step < o.steps && step % o.plannerPeriod === 0 && step >= o.warmup;
  if (!yearStart) return 'labor';
  return o.mode === 'planner' ? 'plan' : 'candidacy';
}

export function applyLabor(game: EconomistGame, state: EconomistState, actions: readonly EconomistAction[], outcomes: Outcome[]): EconomistState {
  const n = game.workers.length;
  const { c, delta } = game.options.laborCost;
  const labor = new Array<number>(n);
  const income = new Array<number>(n);
  const tax = new Array<number>(n);
  let revenue = 0;
  for (let i = 0; i < n; i++) {
    const l = Math.max(0, Math.min(100, (actions[i] as LaborAction).LABOR));
    labor[i] = l;
    income[i] = (state.skills[i] as number) * l;
    tax[i] = taxOwed(income[i] as number, state.rates, game.brackets);
    revenue += tax[i] as number;
  }
  const rebate = revenue / n;
  const isoelasticUtility = new Array<number>(n);
  for (let i = 0; i < n; i++) isoelasticUtility[i] = workerUtility(income[i] as number, tax[i] as number, rebate, labor[i] as number, { c, delta });
  // The planner's SWF is over ũ whatever the types (the reference feeds it the isoelastic utility of every worker).
  const swf = socialWelfare(isoelasticUtility, income, game.options.swf);
  const utility = new Array<number>(n);
  const cumulativeUtility = new Array<number>(n);
  let bounded = 0;
  for (let i = 0; i < n; i++) {
    const type = state.utilityTypes[i] ?? 'egotistical';
    if (type === 'bounded') bounded++;
    // Bounded workers start at r = 1; their answers in the satisfaction stage rescale this step (apply-satisfaction.ts).
    utility[i] = typedUtility(type, isoelasticUtility[i] as number, swf, 1);
    cumulativeUtility[i] = (state.cumulativeUtility[i] as number) + (utility[i] as number);
  }
  const w = game.options.historyWindow;
  const key = state.rates.map((r) => Math.round(r / 10) * 10).join(',');
  const cell = state.swfTable[key] ?? { mean: 0, n: 0 };
  const step = state.step + 1;
  let years = state.years;
  let yearSwfSum = state.yearSwfSum + swf;
  let yearSteps = state.yearSteps + 1;
  if (step % game.options.plannerPeriod === 0) {
    years = [...years, { step: step - yearSteps, rates: state.rates, swf: yearSwfSum / yearSteps }];
    yearSwfSum = 0;
    yearSteps = 0;
  }
  outcomes.push({ type: 'metric', name: 'swf', value: swf }, { type: 'metric', name: 'tax_revenue', value: revenue });
  const after = stageFor(game, step);
  return {
    ...state,
    step,
    stage: bounded > 0 ? 'satisfaction' : after,
    incomePercentiles: after === 'candidacy' ? percentiles(income) : state.incomePercentiles,
    labor,
    income,
    tax,
    utility,
    isoelasticUtility,
    satisfaction: new Array<number>(n).fill(1),
    rebate,
    cumulativeUtility,
    laborWindow: [...state.laborWindow.slice(-(w - 1)), labor],
    utilityWindow: [...state.utilityWindow.slice(-(w - 1)), utility],
    history: [...state.history.slice(-(w - 1)), { step: state.step, rates: state.rates, swf }],
    swfTable: { ...state.swfTable, [key]: { mean: cell.mean + (swf - cell.mean) / (cell.n + 1), n: cell.n + 1 } },
    cumulativeSwf: state.cumulativeSwf + swf,
    years,
    yearSwfSum,
    yearSteps,
  };
}

export function applyPlanner(game: EconomistGame, state: EconomistState, action: EconomistAction, outcomes: Outcome[]): EconomistState {
  const a = action as PlannerAction;
  const rates = 'DELTA' in a ? applyDelta(state.rates, a.DELTA) : a.RATES.map((r) => Math.max(0, Math.min(100, r)));
  outcomes.push({ type: 'event', name: 'tax-rates', agent: game.planner as string, data: { from: state.rates, to: rates } });
  return { ...state, rates, stage: 'labor', plannerUpdates: state.plannerUpdates + 1 };
}

export function recordPlatforms(game: EconomistGame, state: EconomistState, actions: readonly EconomistAction[], outcomes: Outcome[]): EconomistState {
  const platforms: Record<string, number[] | null> = {};
  const platformRevenue: Record<string, number> = {};
  game.workers.forEach((w, i) => {
    const a = actions[i] as CandidacyAction;
    platforms[w] = a.run && a.DELTA ? a.DELTA : null;
    if (!platforms[w]) return;
    const rates = applyDelta(state.rates, platforms[w]);
    let total = 0;
    for (const z of state.income) total += taxOwed(z, rates, game.brackets);
    platformRevenue[w] = total;
  });
  const running = Object.values(platforms).filter((p) => p !== null).length;
  outcomes.push({ type: 'event', name: 'candidacy', data: { candidates: running } });
  if (running === 0) {
    // The reference re-asks up to 10 times; here the year passes with the rates unchanged.
    return { ...state, platforms: {}, stage: 'labor', elections: [...state.elections, { step: state.step, leader: null, votes: {} }] };
  }
  return { ...state, platforms, platformRevenue, stage: 'vote' };
}

/** Plurality vote; ties are broken uniformly at random with `rng` (spec 1.4). */
export function applyElection(game: EconomistGame, state: EconomistState, actions: readonly EconomistAction[], rng: Rng, outcomes: Outcome[]): EconomistState {
  const votes: Record<string, number> = {};
  for (const id of Object.keys(state.platforms)) if (state.platforms[id]) votes[id] = 0;
  for (const a of actions) {
    const v = (a as VoteAction).vote;
    if (v in votes) votes[v] = (votes[v] as number) + 1;
  }
  const top = Math.max(...Object.values(votes));
  const tied = Object.keys(votes).filter((id) => votes[id] === top).sort();
  const leader = tied.length === 1 ? (tied[0] as string) : rng.pick(tied);
  const platform = state.platforms[leader] as number[];
  const rates = applyDelta(state.rates, platform);
  outcomes.push({ type: 'event', name: 'election', agent: leader, data: { votes, platform, from: state.rates, to: rates, tie: tied.length > 1 } });
  return {
    ...state,
    rates,
    leader,
    platforms: {},
    platformRevenue: {},
    stage: 'labor',
    plannerUpdates: state.plannerUpdates + 1,
    elections: [...state.elections, { step: state.step, leader, votes }],
  };
}
