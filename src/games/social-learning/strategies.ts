// Scripted agents of the social-learning game: learners (Bayesian, follow-signal, herd) and planners
// (fixed, altruistic, biased). A learner strategy in a planner seat (or the reverse) is a config mistake.
import type { Rng } from '../../core/rng.js';
import type { Strategy } from '../definition.js';
import { bestPrecision } from './planner-choice.js';
import { bayesianChoice, beliefAfter } from './public-belief.js';
import type { LearnerAction, LearnerObservation, PlannerAction, PlannerObservation, SocialLearningObservation } from './types.js';

const BHW = 'Bikhchandani, Hirshleifer & Welch, JPE 100(5) 1992';
const SPEC = 'spec §15 (Steering the Herd); Polis planner model';

function learner(name: string, o: SocialLearningObservation): LearnerObservation {
  if (o.kind !== 'act') throw new TypeError(`strategy "${name}" is a learner strategy; the planner seat needs fixed-planner, altruistic-planner or biased-planner`);
  return o;
}

function plannerView(name: string, o: SocialLearningObservation): PlannerObservation {
  if (o.kind !== 'plan') throw new TypeError(`strategy "${name}" is a planner strategy; learner seats need bayesian, follow-signal or herd`);
  return o;
}

/** The exact Bayesian learner: public belief from the history (everyone assumed Bayesian), plus its own signal; ties by the game's rule. */
export const bayesianLearner: Strategy<SocialLearningObservation, LearnerAction> = {
  metadata: { name: 'bayesian', stochastic: true, memoryDepth: Number.POSITIVE_INFINITY, source: BHW },
  decide(observation, rng: Rng) {
    const o = learner('bayesian', observation);
    const belief = beliefAfter(o.prior, o.history, o.tieRule);
    return { choice: bayesianChoice(belief, o.signal, o.precision, o.tieRule, () => rng.bernoulli(0.5)) };
  },
};

/** Always acts on its own signal, ignoring others (no cascade ever forms in behaviour). */
export const followSignal: Strategy<SocialLearningObservation, LearnerAction> = {
  metadata: { name: 'follow-signal', stochastic: false, memoryDepth: 0, source: BHW },
  decide: (observation) => ({ choice: learner('follow-signal', observation).signal }),
};

/** Copies the majority of earlier actions; its own signal breaks a tie (and decides for the first mover). */
export const herdLearner: Strategy<SocialLearningObservation, LearnerAction> = {
  metadata: { name: 'herd', stochastic: false, memoryDepth: Number.POSITIVE_INFINITY, source: 'Polis baseline (majority imitation)' },
  decide(observation) {
    const o = learner('herd', observation);
    const lead = o.history.reduce((d, h) => d + (h.choice === 'A' ? 1 : -1), 0);
    return { choice: lead > 0 ? 'A' : lead < 0 ? 'B' : o.signal };
  },
};

const uniform = (o: PlannerObservation, precision: number): PlannerAction =>
  o.parity ? { precision } : { precisions: Array.from({ length: o.count }, () => precision) };

/** Gives every learner the announced precision (clamped to the legal range). */
export const fixedPlanner: Strategy<SocialLearningObservation, PlannerAction> = {
  metadata: { name: 'fixed-planner', stochastic: false, memoryDepth: 0, source: SPEC },
  decide(observation) {
    const o = plannerView('fixed-planner', observation);
    return uniform(o, Math.min(o.maxPrecision, Math.max(o.minPrecision, o.announcedPrecision)));
  },
};

/** Maximises expected correct actions minus cost (social welfare). */
export const altruisticPlanner: Strategy<SocialLearningObservation, PlannerAction> = {
  metadata: { name: 'altruistic-planner', stochastic: false, memoryDepth: Number.POSITIVE_INFINITY, source: SPEC },
  decide(observation) {
    const o = plannerView('altruistic-planner', observation);
    return uniform(o, bestPrecision(o, { objective: 'altruistic' }));
  },
};

/** Maximises expected actions equal to the game's preferred action minus cost (it may obfuscate). */
export const biasedPlanner: Strategy<SocialLearningObservation, PlannerAction> = {
  metadata: { name: 'biased-planner', stochastic: false, memoryDepth: Number.POSITIVE_INFINITY, source: SPEC },
  decide(observation) {
    const o = plannerView('biased-planner', observation);
    return uniform(o, bestPrecision(o, { objective: 'biased', preferredAction: o.preferredAction }));
  },
};

export const socialLearningStrategies: Readonly<Record<string, Strategy<SocialLearningObservation, LearnerAction | PlannerAction>>> = {
  bayesian: bayesianLearner,
  'follow-signal': followSignal,
  herd: herdLearner,
  'fixed-planner': fixedPlanner,
  'altruistic-planner': altruisticPlanner,
  'biased-planner': biasedPlanner,
};
