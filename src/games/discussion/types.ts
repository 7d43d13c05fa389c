// The co-evolving discussion (CoMAS, spec 10): types of the state, the observations and the actions.
// Every action is the agent's free text; the game reads scores itself with parseComasScore.
import type { ComasRewards, ComasScore } from '../rewards/comas.js';

/** How a final answer is written and checked. */
export type DiscussionDomain = 'math' | 'science';

export interface DiscussionProblem {
  question: string;
  /** Reference answer, used only to report accuracy; never shown to an agent. */
  answer?: string;
  domain: DiscussionDomain;
}

/** The three steps of a round: every agent solves, then evaluates one solution, then scores one pair. */
export type DiscussionStep = 'solve' | 'evaluate' | 'score';

/** One solution with its evaluation and score: the unit CoMAS rewards. */
export interface Interaction {
  /** Index of the problem in `state.problems`. */
  problem: number;
  /** 1-based round within the problem. */
  round: number;
  solver: string;
  evaluator: string;
  scorer: string;
  solution: string;
  evaluation: string;
  scoreText: string;
  /** Parsed score; null when the scorer produced no text (a scorer failure). */
  score: ComasScore | null;
  rewards: ComasRewards;
  /** Whether the solution's final answer matches the reference; absent without a reference. */
  correct?: boolean;
}

/** A round in progress: one entry per solver, in seat order. */
export interface OpenInteraction {
  solver: string;
  evaluator: string;
  scorer: string;
  solution: string;
  evaluation: string;
}

/** What a solver may read of the previous round: a solution and its evaluation, without authors or scores. */
export interface SharedDiscussion {
  solution: string;
  evaluation: string;
}

export interface RewardTotals {
  solver: number;
  evaluator: number;
  scorer: number;
}

export interface DiscussionState {
  problems: DiscussionProblem[];
  /** Index of the problem under discussion; equals problems.length when the game is over. */
  problem: number;
  /** 1-based round within the current problem. */
  round: number;
  step: DiscussionStep;
  /** Previous-round discussions shown to every solver this round (sampled when the round opened). */
  shared: SharedDiscussion[];
  open: OpenInteraction[];
  /** Every finished interaction, oldest first. */
  history: Interaction[];
  /** Rewards accumulated per agent and role. */
  totals: Record<string, RewardTotals>;
}

interface ObservationBase {
  domain: DiscussionDomain;
  question: string;
  /** 1-based round within the problem, and the number of rounds. */
  round: number;
  rounds: number;
}

export type DiscussionObservation =
  | (ObservationBase & { step: 'solve'; discussion: SharedDiscussion[] })
  | (ObservationBase & { step: 'evaluate'; solution: string })
  | (ObservationBase & { step: 'score'; solution: string; evaluation: string });

/** An agent's free-text answer: a solution, an evaluation or a scoring text with `<score>n</score>`. */
export type DiscussionAction = string;
