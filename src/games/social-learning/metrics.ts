// Episode-averaged metrics of the social-learning game: the cascade frequencies that the BHW closed form
// predicts, where cascades start, how many actions are right, and what the planner paid and earned.
import { mean } from '../metrics/mean.js';
import { plannerObjectives } from './episode.js';
import type { SocialLearningParams } from './params.js';
import type { EpisodeResult } from './types.js';

export function socialLearningMetrics(params: SocialLearningParams, results: readonly EpisodeResult[]): Record<string, number> {
  if (results.length === 0) return { episodes: 0 };
  const cascaded = results.filter((r) => r.cascade);
  let inCascade = 0;
  let adherent = 0;
  for (const r of cascaded) {
    const c = r.cascade!;
    for (const a of r.actions.slice(c.start - 1)) {
      inCascade += 1;
      if (a === c.direction) adherent += 1;
    }
  }
  const objectives = results.map((r) => plannerObjectives(r, params.preferredAction));
  const altruistic = mean(objectives.map((o) => o.altruistic));
  const biased = mean(objectives.map((o) => o.biased));
  return {
    episodes: results.length,
    'correct-cascade': mean(results.map((r) => (r.cascade && r.cascade.direction === r.truth ? 1 : 0))),
    'wrong-cascade': mean(results.map((r) => (r.cascade && r.cascade.direction !== r.truth ? 1 : 0))),
    'no-cascade': mean(results.map((r) => (r.cascade ? 0 : 1))),
    /** Mean 1-based position of the first herding learner among episodes with a cascade; 0 when none had one. */
    'cascade-start': cascaded.length ? mean(cascaded.map((r) => r.cascade!.start)) : 0,
    'cascade-broken': mean(results.map((r) => (r.cascade?.broken ? 1 : 0))),
    /** Share of learners at or after a cascade's start who took the cascade action (1 for Bayesian learners). */
    'cascade-adherence': inCascade ? adherent / inCascade : 1,
    'correct-action-rate': mean(results.map((r) => r.actions.filter((a) => a === r.truth).length / r.actions.length)),
    'preferred-action-rate': mean(results.map((r) => r.actions.filter((a) => a === params.preferredAction).length / r.actions.length)),
    'state-a-rate': mean(results.map((r) => (r.truth === 'A' ? 1 : 0))),
    'mean-precision': mean(results.flatMap((r) => r.precisions)),
    'planner-cost': mean(results.map((r) => r.cost)),
    welfare: mean(results.map((r) => r.actions.filter((a) => a === r.truth).length)),
    'altruistic-objective': altruistic,
    'biased-objective': biased,
    'planner-payoff': params.objective === 'altruistic' ? altruistic : biased,
  };
}
