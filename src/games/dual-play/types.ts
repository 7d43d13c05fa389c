// State, observations and actions of proposer/solver dual play. All plain JSON.
import type { AgentId } from '../game.js';
import type { DualPlayParams } from './params.js';

/** The proposer's move: a problem and its ground-truth answer (private to the proposer). */
export interface ProposerAction {
  problem: string;
  answer: string;
}

/** A solver's move: its final answer (a `\boxed{}` around it is optional) and, optionally, its working. */
export interface SolverAction {
  answer: string;
  reasoning?: string;
}

export type DualPlayAction = ProposerAction | SolverAction;

/** Which side a trainer updates this round. */
export type UpdatingSide = 'proposer' | 'solver';

/** One finished round, as scored with the PasoDoble formulas. */
export interface DualPlayRound {
  /** 0-based. */
  round: number;
  problem: string;
  /** Ground truth; only the proposer's observation and the trace ever carry it. */
  answer: string;
  /** The solvers' answers, seat order. */
  solverAnswers: string[];
  invalidReasons: string[];
  solverRewards: number[];
  passRate: number;
  diversity: number;
  proposerReward: number;
  /** τ_low < p < τ_high: the round would not be skipped by a trainer. */
  trainable: boolean;
  updating: UpdatingSide[];
}

export interface DualPlayState {
  params: DualPlayParams;
  /** 0-based round in progress. */
  round: number;
  stage: 'propose' | 'solve' | 'over';
  /** The passage shown to the proposer this round ('' without passages). */
  passage: string;
  /** The proposal under solution; private to the proposer until scored. */
  pending: ProposerAction | null;
  /** Accepted questions (reward > 0), the last `historyWindow`: the diversity history. */
  history: string[];
  log: DualPlayRound[];
  totals: Record<AgentId, number>;
}

export interface ProposerObservation {
  kind: 'propose';
  name: AgentId;
  round: number;
  rounds: number;
  solvers: number;
  passage: string;
  tauLow: number;
  updating: UpdatingSide[];
  /** The proposer's own past problems with their answers and scores. */
  past: Array<Pick<DualPlayRound, 'round' | 'problem' | 'answer' | 'passRate' | 'diversity' | 'proposerReward' | 'invalidReasons'>>;
}

export interface SolverObservation {
  kind: 'solve';
  name: AgentId;
  round: number;
  rounds: number;
  problem: string;
  updating: UpdatingSide[];
  /** This solver's own past rounds: whether its answer agreed with the ground truth (never the truth itself). */
  past: Array<{ round: number; problem: string; ownAnswer: string; correct: boolean }>;
}

export interface WaitingObservation {
  kind: 'wait';
  name: AgentId;
  round: number;
}

export type DualPlayObservation = ProposerObservation | SolverObservation | WaitingObservation;
