// Who evaluates and who scores each solution of a round. CoMAS (spec 10) shuffles the agent order so each
// agent evaluates once and scores once per problem and round; we keep that balance and add the task's rule
// that nobody reviews their own work: the evaluator is never the solver, and the scorer is a third agent.
import type { Rng } from '../../core/rng.js';

export interface ReviewerAssignment {
  /** `evaluators[i]` evaluates the solution of `agents[i]`. */
  evaluators: string[];
  /** `scorers[i]` scores the (solution, evaluation) pair of `agents[i]`. */
  scorers: string[];
}

/**
 * Draws two permutations of `agents` uniformly among the valid ones by rejection (about e² ≈ 7.4 draws
 * for large n, 6 for n = 3). Needs at least 3 agents. After `maxDraws` rejected draws (practically never)
 * it falls back to a shuffled cycle: agent k's solution goes to k+1 for evaluation and k+2 for scoring.
 */
export function assignReviewers(agents: readonly string[], rng: Rng, maxDraws = 1000): ReviewerAssignment {
  if (agents.length < 3) throw new RangeError(`a discussion needs at least 3 agents (solver, evaluator, scorer), got ${agents.length}`);
  for (let draw = 0; draw < maxDraws; draw++) {
    const evaluators = rng.shuffle(agents);
    if (evaluators.some((e, i) => e === agents[i])) continue;
    for (let second = 0; second < maxDraws; second++) {
      const scorers = rng.shuffle(agents);
      if (scorers.every((s, i) => s !== agents[i] && s !== evaluators[i])) return { evaluators, scorers };
    }
  }
  const cycle = rng.shuffle(agents);
  const next = (id: string, step: number): string => cycle[(cycle.indexOf(id) + step) % cycle.length] as string;
  return { evaluators: agents.map((a) => next(a, 1)), scorers: agents.map((a) => next(a, 2)) };
}
