// Starting and closing an episode: the hidden state and signal draws, the signals a precision choice
// reveals to their owners, and the record the metrics read (the first cascade as the learners saw it).
import type { Rng } from '../../core/rng.js';
import type { SocialLearningParams } from './params.js';
import { signalCost } from './information-cost.js';
import { cascadeAt, priorBelief, updateBelief } from './public-belief.js';
import type { CascadeRecord, Choice, EpisodeResult, SocialLearningState } from './types.js';

const other = (c: Choice): Choice => (c === 'A' ? 'B' : 'A');

/** Signal t shows the state when its draw falls below the precision (so one draw serves any precision). */
export const signalFor = (truth: Choice, draw: number, precision: number): Choice => (draw < precision ? truth : other(truth));

/** The fields of a fresh episode: state and draws from the game's rng; fixed signals when there is no planner. */
export function startEpisode(params: SocialLearningParams, rng: Rng): Pick<SocialLearningState, 'truth' | 'draws' | 'precisions' | 'signals' | 'actions' | 'plannerSteps'> {
  const truth: Choice = rng.bernoulli(params.prior) ? 'A' : 'B';
  const draws = Array.from({ length: params.learners }, () => rng.next());
  const precisions = params.planner === 'none' ? draws.map(() => params.precision) : [];
  return { truth, draws, precisions, signals: precisions.map((q, t) => signalFor(truth, draws[t] as number, q)), actions: [], plannerSteps: 0 };
}

/** The precision learner t is known to have: the actual one under full observability, else the announced one. */
export const knownPrecision = (params: SocialLearningParams, actual: number): number => (params.disclosed ? actual : params.precision);

/** The first cascade of a history, from the public belief of Bayesian learners with the precisions they know. */
export function firstCascade(params: SocialLearningParams, actions: readonly Choice[], precisions: readonly number[]): CascadeRecord | null {
  let belief = priorBelief(params.prior);
  let record: CascadeRecord | null = null;
  actions.forEach((action, t) => {
    const q = knownPrecision(params, precisions[t] as number);
    const here = cascadeAt(belief, q, params.tieRule);
    if (!record && here) record = { start: t + 1, direction: here, broken: false };
    else if (record && here !== record.direction) record.broken = true;
    belief = updateBelief(belief, q, action, params.tieRule);
  });
  return record;
}

/** The finished episode's record. */
export function episodeResult(state: SocialLearningState): EpisodeResult {
  const p = state.params;
  const cost = state.precisions.reduce((sum, q) => sum + signalCost(q, p.costPerBit, p.prior), 0);
  return {
    truth: state.truth, precisions: state.precisions, signals: state.signals, actions: state.actions,
    cascade: firstCascade(p, state.actions, state.precisions), cost,
  };
}

/** The planner's payoff for an episode under each objective. */
export function plannerObjectives(result: EpisodeResult, preferred: Choice): { altruistic: number; biased: number } {
  const correct = result.actions.filter((a) => a === result.truth).length;
  const chosen = result.actions.filter((a) => a === preferred).length;
  return { altruistic: correct - result.cost, biased: chosen - result.cost };
}
