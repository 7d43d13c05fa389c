// Observations of the LLM Economist: the worker's step prompt facts (spec 1.3) and the planner's
// statistics (spec 1.2). Citizens get 101 income percentiles, not every income, so observations stay small at 1,000 workers.
import type { EconomistGame } from './economist-game.js';
import type { CitizenContext, EconomistState, PlannerObservation, SatisfactionObservation, Stats, WorkerObservation } from './economist-types.js';
import { bracketOf } from './tax-schedule.js';

export const LABOR_GRID = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

export function stats(values: readonly number[]): Stats {
  const n = values.length;
  if (n === 0) return { mean: 0, median: 0, std: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sorted = values.slice().sort((a, b) => a - b);
  const median = n % 2 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  return { mean, median, std };
}

export function histogram(values: readonly number[], bins = 10): { edges: number[]; counts: number[] } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const width = hi > lo ? (hi - lo) / bins : 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]! += 1;
  return { edges, counts };
}

function windowMean(window: readonly number[][], i: number): number | null {
  if (window.length === 0) return null;
  let s = 0;
  for (const row of window) s += row[i] as number;
  return s / window.length;
}

export function observeWorker(game: EconomistGame, state: EconomistState, i: number): WorkerObservation {
  const started = state.step > 0;
  const avgLabor = windowMean(state.laborWindow, i);
  const o = game.options;
  return {
    kind: 'labor',
    id: game.workers[i] as string,
    step: state.step,
    steps: o.steps,
    rates: state.rates,
    brackets: game.brackets,
    skill: state.skills[i] as number,
    persona: state.personas[i] ?? '',
    grid: LABOR_GRID,
    lastLabor: started ? (state.labor[i] as number) : null,
    averageLabor: avgLabor === null ? null : Math.round(avgLabor / 10) * 10,
    averageUtility: windowMean(state.utilityWindow, i),
    lastIncome: started ? (state.income[i] as number) : null,
    lastTax: started ? (state.tax[i] as number) : null,
    rebate: state.rebate,
    bestCue: state.step >= 0.9 * o.steps || (state.step + 1) % o.plannerPeriod === 0,
    laborCost: o.laborCost,
    leader: state.leader,
    utilityType: state.utilityTypes[i] ?? 'egotistical',
    swfKind: o.swf,
  };
}

export function observeSatisfaction(game: EconomistGame, state: EconomistState, i: number): SatisfactionObservation {
  return {
    kind: 'satisfaction',
    id: game.workers[i] as string,
    step: state.step - 1,
    persona: state.personas[i] ?? '',
    rates: state.rates,
    brackets: game.brackets,
    skill: state.skills[i] as number,
    labor: state.labor[i] as number,
    income: state.income[i] as number,
    tax: state.tax[i] as number,
    rebate: state.rebate,
    isoelasticUtility: state.isoelasticUtility[i] as number,
    laborCost: game.options.laborCost,
  };
}

export function citizenContext(game: EconomistGame, state: EconomistState, i: number): CitizenContext {
  return {
    id: game.workers[i] as string,
    workers: game.workers.length,
    lastIncome: state.income[i] as number,
    step: state.step,
    rates: state.rates,
    brackets: game.brackets,
    skill: state.skills[i] as number,
    persona: state.personas[i] ?? '',
    incomePercentiles: state.incomePercentiles,
    laborCost: game.options.laborCost,
  };
}

/** Income percentiles 0, 1, ..., 100 (nearest rank). */
export function percentiles(values: readonly number[]): number[] {
  const sorted = values.slice().sort((a, b) => a - b);
  return Array.from({ length: 101 }, (_, p) => sorted[Math.min(sorted.length - 1, Math.round((p / 100) * (sorted.length - 1)))] as number);
}

export function observePlanner(game: EconomistGame, state: EconomistState): PlannerObservation {
  const k = game.brackets.length - 1;
  const incomeHistogram = new Array<number>(k).fill(0);
  for (const z of state.income) incomeHistogram[bracketOf(z, game.brackets)]! += 1;
  let best: PlannerObservation['best'] = null;
  for (const h of state.history) if (!best || h.swf > best.swf) best = { rates: h.rates, swf: h.swf };
  const last = state.years[state.years.length - 1];
  const before = state.years[state.years.length - 2];
  return {
    kind: 'plan',
    step: state.step,
    steps: game.options.steps,
    rates: state.rates,
    brackets: game.brackets,
    incomeHistogram,
    // The planner sees ũ for every worker (the reference's planner statistics use the isoelastic utility).
    utilityHistogram: histogram(state.isoelasticUtility),
    income: stats(state.income),
    utility: stats(state.isoelasticUtility),
    swf: state.history[state.history.length - 1]?.swf ?? 0,
    swfKind: game.options.swf,
    yearSwf: last?.swf ?? 0,
    best,
    previousYear: before ? { rates: before.rates, swf: before.swf } : null,
    final: state.step >= 0.9 * game.options.steps,
    incomes: state.income,
  };
}
