// Scripted economist agents: the rational worker (best response on the labor grid; in the democratic
// variant it also runs and votes in its own interest) and the baseline planners (spec 1.1, 1.5).
import type { Rng } from '../../core/rng.js';
import type { Strategy } from '../definition.js';
import { LABOR_GRID } from './economist-observe.js';
import type { CandidacyObservation, EconomistAction, EconomistObservation, PlannerObservation, VoteObservation } from './economist-types.js';
import { applyDelta } from './planner-delta.js';
import { SAEZ_ELASTICITIES, saezRates } from './saez.js';
import { taxOwed, US_FED_RATES } from './tax-schedule.js';

const SOURCE = 'spec section 1 (sethkarten/LLM-Economist@ca46185a baselines)';

/** The grid labor maximising v·l − tax(v·l) + R − c·l^δ; ties go to fewer hours. */
export function bestResponseLabor(skill: number, rates: readonly number[], brackets: readonly number[], rebate: number, cost: { c: number; delta: number }): number {
  let best = 0;
  let bestU = -Infinity;
  for (const l of LABOR_GRID) {
    const z = skill * l;
    const u = z - taxOwed(z, rates, brackets) + rebate - cost.c * l ** cost.delta;
    if (u > bestU + 1e-9) {
      bestU = u;
      best = l;
    }
  }
  return best;
}

/**
 * A worker's utility if `rates` were in force: its best response, with the rebate from `revenue` (the tax the
 * others' last incomes would pay; estimated from the income percentiles when not given) plus its own new tax.
 */
export function estimatedUtility(obs: CandidacyObservation | VoteObservation, rates: readonly number[], revenue?: number): number {
  const { skill, brackets, laborCost, workers, incomePercentiles } = obs;
  const l = bestResponseLabor(skill, rates, brackets, 0, laborCost);
  const z = skill * l;
  const own = taxOwed(z, rates, brackets);
  let total = revenue;
  if (total === undefined) {
    let mean = 0;
    for (const q of incomePercentiles) mean += taxOwed(q, rates, brackets) / incomePercentiles.length;
    total = mean * workers;
  }
  const rebate = (total - taxOwed(obs.lastIncome, rates, brackets) + own) / Math.max(workers, 1);
  return z - own + rebate - laborCost.c * l ** laborCost.delta;
}

/**
 * Best response each step (for its own ũ, whatever its utility type). As a bounded worker it is satisfied when it
 * receives at least as much rebate as it pays in tax. As a citizen: runs with probability `runProbability` (default 3/N: about three
 * candidates a year whatever the population) on the uniform shift
 * (−10, 0 or +10 in every bracket) best for itself, and votes for the platform best for itself (ties: lowest id).
 */
export function rationalWorker(runProbability?: number): Strategy<EconomistObservation, EconomistAction> {
  return {
    metadata: { name: 'rational-worker', stochastic: true, memoryDepth: 0, source: SOURCE },
    decide(obs: EconomistObservation, rng: Rng): EconomistAction {
      if (obs.kind === 'labor') return { LABOR: bestResponseLabor(obs.skill, obs.rates, obs.brackets, obs.rebate, obs.laborCost) };
      if (obs.kind === 'plan') throw new RangeError('rational-worker got a planner observation');
      // Bounded type: satisfied when redistribution leaves it no worse off than its pre-tax income (a net receiver).
      if (obs.kind === 'satisfaction') return { ANSWER: obs.income - obs.tax + obs.rebate >= obs.income ? 'YES' : 'NO' };
      if (obs.kind === 'candidacy') {
        if (!rng.bernoulli(runProbability ?? Math.min(1, 3 / obs.workers))) return { run: false };
        const k = obs.rates.length;
        const shifts = [-10, 0, 10].map((s) => new Array<number>(k).fill(s));
        const scored = shifts.map((d) => ({ d, u: estimatedUtility(obs, applyDelta(obs.rates, d)) }));
        scored.sort((a, b) => b.u - a.u);
        return { run: true, DELTA: (scored[0] as { d: number[] }).d };
      }
      let best: { id: string; u: number } | undefined;
      for (const c of obs.candidates.slice().sort((a, b) => (a.id < b.id ? -1 : 1))) {
        const u = estimatedUtility(obs, applyDelta(obs.rates, c.platform), c.estimatedRevenue);
        if (!best || u > best.u + 1e-9) best = { id: c.id, u };
      }
      return { vote: best?.id ?? '' };
    },
  };
}

function ratesPlanner(name: string, rates: (obs: PlannerObservation, rng: Rng) => number[], stochastic = false): Strategy<EconomistObservation, EconomistAction> {
  return {
    metadata: { name, stochastic, memoryDepth: 0, source: SOURCE },
    decide(obs: EconomistObservation, rng: Rng): EconomistAction {
      if (obs.kind !== 'plan') throw new RangeError(`${name} only plans`);
      return { RATES: rates(obs, rng) };
    },
  };
}

/** The 2024 US federal rates every year (needs the 7 `us-fed` brackets). */
export const usFederalPlanner = ratesPlanner('us-federal-planner', (obs) => {
  if (obs.rates.length !== US_FED_RATES.length) throw new RangeError(`us-federal-planner needs the 7 us-fed brackets, the economy has ${obs.rates.length}`);
  return [...US_FED_RATES];
});

/** Each tax year, every bracket's rate drawn uniformly from the 0..100 grid (step 10): a random-policy baseline. */
export const uniformPlanner = ratesPlanner('uniform-planner', (obs, rng) => obs.rates.map(() => rng.int(0, 10) * 10), true);

/** Saez rates from last step's incomes; the elasticity preset or value per bracket. */
export function saezPlanner(elasticity: number | readonly number[] = SAEZ_ELASTICITIES.saez): Strategy<EconomistObservation, EconomistAction> {
  return ratesPlanner('saez-planner', (obs) => saezRates({ incomes: obs.incomes, brackets: obs.brackets, elasticity }));
}

/** Keeps the rates (DELTA of zeros). */
export const holdPlanner: Strategy<EconomistObservation, EconomistAction> = {
  metadata: { name: 'hold-planner', stochastic: false, memoryDepth: 0, source: SOURCE },
  decide: (obs) => ({ DELTA: (obs as PlannerObservation).rates.map(() => 0) }),
};
