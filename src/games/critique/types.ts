// State, observations and actions of actor/critic refinement. All plain JSON.
import type { CriticVerdict } from '../rewards/critique-rl.js';
import type { AgentId } from '../game.js';
import type { CritiqueParams, CritiqueProblem } from './params.js';

/** The actor's move (first attempt or refinement): its solution text, final answer preferably in \boxed{}. */
export interface ActorAction {
  solution: string;
}

/** The critic's move: a critique ending with "Correctness of the final answer: Correct" (or "... Wrong"). */
export interface CriticAction {
  critique: string;
}

export type CritiqueAction = ActorAction | CriticAction;

export type Transition = 'correct->correct' | 'correct->wrong' | 'wrong->correct' | 'wrong->wrong';

/** One problem's answer -> critique -> refine episode, scored. */
export interface CritiqueEpisodeRecord {
  /** 0-based problem index. */
  index: number;
  question: string;
  attempt: string;
  critique: string;
  refinement: string;
  verdict: CriticVerdict | null;
  firstAttemptCorrect: boolean;
  refinementCorrect: boolean;
  transition: Transition;
  stageOneReward: number;
  stageTwoReward: number;
}

export interface CritiqueState {
  params: CritiqueParams;
  /** With reference answers: private to the game (scoring only). */
  problems: CritiqueProblem[];
  /** 0-based problem in progress. */
  index: number;
  stage: 'answer' | 'critique' | 'refine' | 'over';
  attempt: string;
  critique: string;
  log: CritiqueEpisodeRecord[];
  totals: Record<AgentId, number>;
}

interface Base {
  name: AgentId;
  /** 0-based problem index and the number of problems. */
  index: number;
  problems: number;
  question: string;
}

export type CritiqueObservation =
  | (Base & { kind: 'answer' })
  | (Base & { kind: 'critique'; attempt: string })
  | (Base & { kind: 'refine'; attempt: string; critique: string })
  | { kind: 'wait'; name: AgentId; index: number };
