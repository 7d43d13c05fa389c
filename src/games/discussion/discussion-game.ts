// The co-evolving discussion (CoMAS, Xue et al., arXiv 2510.08529; spec 10; wt-2048/comas@144962ff7ef3,
// marti/worlds/workflows/comas.py) as a pure game. For each problem, `rounds` rounds of three sealed steps:
//   solve:    every agent writes a solution; from round 2 on it reads up to `references` discussions
//             (solution + evaluation, no authors, no scores) sampled from the previous round;
//   evaluate: every agent critiques one other agent's solution (it sees the problem and that solution only);
//   score:    every agent scores one (solution, evaluation) pair it took no part in, with <score>n</score>.
// Rewards per interaction are CoMAS's (solver s, evaluator 1 − s, scorer 0 or −1), accumulated per agent.
// The reference answer is used only for the accuracy metric and appears in no observation.
import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { AgentId, ApplyResult, Game, GameMetadata, Outcome, Phase } from '../game.js';
import { comasRewards, parseComasScore } from '../rewards/comas.js';
import { assignReviewers } from './assign-reviewers.js';
import { checkAnswer } from './check-answer.js';
import { discussionMetrics } from './discussion-metrics.js';
import type { DiscussionAction, DiscussionObservation, DiscussionProblem, DiscussionState, Interaction, OpenInteraction, RewardTotals } from './types.js';

export const discussionMetadata: GameMetadata = {
  name: 'discussion',
  version: '1',
  description:
    'Co-evolving discussion (CoMAS): agents solve a problem, critique and score each other\'s solutions over rounds; interaction rewards solver s, evaluator 1 − s, scorer 0/−1.',
  source: 'Xue et al., arXiv 2510.08529; wt-2048/comas@144962ff7ef3 (mirror of xxyQwQ/CoMAS); spec section 10',
};

export interface DiscussionGameOptions {
  /** Problems in discussion order (the definition generates them when the params ask for it). */
  problems: DiscussionProblem[] | ((rng: Rng) => DiscussionProblem[]);
  /** Rounds per problem. */
  rounds: number;
  /** Previous-round discussions shown to solvers. */
  references: number;
}

const actionSchema = z.string();

export function createDiscussionGame(options: DiscussionGameOptions, agents: readonly AgentId[]): Game<DiscussionState, DiscussionAction, DiscussionObservation> {
  if (agents.length < 3) throw new RangeError(`the discussion game needs at least 3 agents, got ${agents.length}`);
  const { rounds, references } = options;

  const phaseRound = (s: DiscussionState): number => s.problem * rounds + (s.round - 1);

  function solve(s: DiscussionState, actions: ReadonlyMap<AgentId, DiscussionAction>, rng: Rng): ApplyResult<DiscussionState> {
    const { evaluators, scorers } = assignReviewers(agents, rng);
    const open: OpenInteraction[] = agents.map((solver, i) => ({
      solver,
      evaluator: evaluators[i] as string,
      scorer: scorers[i] as string,
      solution: actions.get(solver) ?? '',
      evaluation: '',
    }));
    const outcomes: Outcome[] = open.map((o) => ({ type: 'message', from: o.solver, to: [o.evaluator, o.scorer], channel: channelOf(o), content: o.solution }));
    return { state: { ...s, step: 'evaluate', open }, outcomes };
  }

  function evaluate(s: DiscussionState, actions: ReadonlyMap<AgentId, DiscussionAction>): ApplyResult<DiscussionState> {
    const open = s.open.map((o) => ({ ...o, evaluation: actions.get(o.evaluator) ?? '' }));
    const outcomes: Outcome[] = open.map((o) => ({ type: 'message', from: o.evaluator, to: [o.scorer], channel: channelOf(o), content: o.evaluation }));
    return { state: { ...s, step: 'score', open }, outcomes };
  }

  function score(s: DiscussionState, actions: ReadonlyMap<AgentId, DiscussionAction>, rng: Rng): ApplyResult<DiscussionState> {
    const problem = s.problems[s.problem] as DiscussionProblem;
    const outcomes: Outcome[] = [];
    const totals: Record<string, RewardTotals> = structuredClone(s.totals);
    const finished: Interaction[] = s.open.map((o) => {
      const scoreText = actions.get(o.scorer) ?? '';
      const parsed = parseComasScore(scoreText);
      const rewards = comasRewards(parsed);
      const correct = checkAnswer(problem, o.solution);
      for (const [role, agent] of [['solver', o.solver], ['evaluator', o.evaluator], ['scorer', o.scorer]] as const) {
        (totals[agent] as RewardTotals)[role] += rewards[role];
        outcomes.push({ type: 'payoff', agent, value: rewards[role], detail: { role, problem: s.problem, round: s.round, solver: o.solver } });
      }
      outcomes.push({
        type: 'event',
        name: 'discussion-score',
        agent: o.scorer,
        data: { problem: s.problem, round: s.round, solver: o.solver, evaluator: o.evaluator, score: parsed?.score ?? null, source: parsed?.source ?? 'none', ...(correct === undefined ? {} : { correct }) },
      });
      return { problem: s.problem, round: s.round, ...o, scoreText, score: parsed, rewards, ...(correct === undefined ? {} : { correct }) };
    });
    const history = [...s.history, ...finished];
    if (s.round < rounds) {
      // CoMAS samples the shared discussions once per problem and round, so every solver reads the same ones.
      const shared = rng
        .shuffle(finished)
        .slice(0, Math.min(references, finished.length))
        .map((i) => ({ solution: i.solution, evaluation: i.evaluation }));
      return { state: { ...s, round: s.round + 1, step: 'solve', shared, open: [], history, totals }, outcomes };
    }
    return { state: { ...s, problem: s.problem + 1, round: 1, step: 'solve', shared: [], open: [], history, totals }, outcomes };
  }

  function assigned(s: DiscussionState, agent: AgentId, key: 'evaluator' | 'scorer'): OpenInteraction {
    const found = s.open.find((o) => o[key] === agent);
    if (!found) throw new RangeError(`agent "${agent}" has nothing to ${key === 'evaluator' ? 'evaluate' : 'score'} now`);
    return found;
  }

  return {
    metadata: discussionMetadata,
    agents,
    init(rng: Rng): DiscussionState {
      const problems = typeof options.problems === 'function' ? options.problems(rng) : options.problems;
      const totals = Object.fromEntries(agents.map((a) => [a, { solver: 0, evaluator: 0, scorer: 0 }]));
      return { problems, problem: 0, round: 1, step: 'solve', shared: [], open: [], history: [], totals };
    },
    phase(s: DiscussionState): Phase | null {
      if (s.problem >= s.problems.length) return null;
      return { kind: 'simultaneous', agents: [...agents], round: phaseRound(s), label: s.step };
    },
    observe(s: DiscussionState, agent: AgentId): DiscussionObservation {
      const problem = s.problems[Math.min(s.problem, s.problems.length - 1)] as DiscussionProblem;
      const base = { domain: problem.domain, question: problem.question, round: s.round, rounds };
      if (s.step === 'solve') return { ...base, step: 'solve', discussion: s.shared };
      if (s.step === 'evaluate') return { ...base, step: 'evaluate', solution: assigned(s, agent, 'evaluator').solution };
      const pair = assigned(s, agent, 'scorer');
      return { ...base, step: 'score', solution: pair.solution, evaluation: pair.evaluation };
    },
    actionSchema: () => actionSchema,
    defaultAction: () => '',
    apply(s, actions, rng) {
      if (s.step === 'solve') return solve(s, actions, rng);
      if (s.step === 'evaluate') return evaluate(s, actions);
      return score(s, actions, rng);
    },
    isOver: (s) => s.problem >= s.problems.length,
    payoffs: (s) => Object.fromEntries(Object.entries(s.totals).map(([a, t]) => [a, t.solver + t.evaluator + t.scorer])),
    metrics: (s) => discussionMetrics(s, rounds),
  };
}

/** The private channel of one interaction: the solver, its evaluator and its scorer. */
function channelOf(o: OpenInteraction): string {
  return `private:${o.solver},${o.evaluator},${o.scorer}`;
}
