// The controlled sequential social-learning game (spec §15): types only. A hidden binary state, a planner who
// sets the precision of each learner's private signal, and learners who act once each, in order, seeing
// their own signal and the public list of earlier actions.
import type { AgentId } from '../game.js';
import type { SocialLearningParams } from './params.js';

/** The two states of the world, and the two actions (an action is a guess of the state). */
export type Choice = 'A' | 'B';

/** What an indifferent Bayesian learner does: toss a fair coin (BHW 1992) or follow its own signal. */
export type TieRule = 'coin-flip' | 'own-signal';

/** The first cascade of an episode: who was first to herd, and on which action. */
export interface CascadeRecord {
  /** 1-based position of the first learner whose action no longer depends on its signal. */
  start: number;
  direction: Choice;
  /** Whether a later learner left the cascade region again (possible only with unequal precisions). */
  broken: boolean;
}

/** One finished episode, as the metrics read it. */
export interface EpisodeResult {
  truth: Choice;
  /** Actual precision of each learner's signal. */
  precisions: number[];
  signals: Choice[];
  actions: Choice[];
  cascade: CascadeRecord | null;
  /** The planner's information cost κ·Σ I(q_t) (bits times price). */
  cost: number;
}

export interface SocialLearningState {
  params: SocialLearningParams;
  /** 0-based episode in progress. */
  episode: number;
  /** Hidden: the state of the world this episode. Never in any observation. */
  truth: Choice;
  /** Hidden: one uniform draw per learner; signal t = truth when draws[t] < q_t, else the other state. */
  draws: number[];
  /** Actual precisions set so far this episode (length grows with each planner step). */
  precisions: number[];
  /** Hidden: the signals drawn so far (one per set precision). Each is shown only to its owner. */
  signals: Choice[];
  /** The public history: actions so far this episode, in order. */
  actions: Choice[];
  /** Planner steps taken this episode. */
  plannerSteps: number;
  results: EpisodeResult[];
  /** Cumulative payoffs by agent id. */
  totals: Record<AgentId, number>;
}

/** One earlier action as every later learner sees it. */
export interface PublicAction {
  position: number;
  agent: AgentId;
  choice: Choice;
  /** The precision of that learner's signal, as this observer knows it (actual when disclosed, else announced). */
  precision: number;
}

export interface LearnerObservation {
  kind: 'act';
  name: AgentId;
  episode: number;
  episodes: number;
  /** 1-based position in the sequence. */
  position: number;
  learners: number;
  /** P(state = A) before any evidence. */
  prior: number;
  /** This learner's own private signal. */
  signal: Choice;
  /** The precision of its own signal, as it knows it. */
  precision: number;
  history: PublicAction[];
  tieRule: TieRule;
}

export interface PlannerObservation {
  kind: 'plan';
  name: AgentId;
  episode: number;
  episodes: number;
  /** 1-based positions of the learners this step sets precisions for. */
  first: number;
  count: number;
  learners: number;
  prior: number;
  /** The precision the learners believe when the structure is not disclosed. */
  announcedPrecision: number;
  /** Legal range of a precision under the transparency constraints. */
  minPrecision: number;
  maxPrecision: number;
  parity: boolean;
  disclosed: boolean;
  costPerBit: number;
  objective: 'altruistic' | 'biased';
  preferredAction: Choice;
  tieRule: TieRule;
  /** Public actions so far this episode. */
  history: Choice[];
  /** Precisions the planner set so far this episode. */
  precisions: number[];
}

export type SocialLearningObservation = LearnerObservation | PlannerObservation;

export interface LearnerAction {
  choice: Choice;
}

/** Under information parity one precision for the whole block; otherwise one per learner of the block. */
export type PlannerAction = { precision: number } | { precisions: number[] };

export type SocialLearningAction = LearnerAction | PlannerAction;
