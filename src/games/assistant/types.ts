// Types of the GTAlign assistant game: a user simulator with a private need talks to an assistant that
// writes a payoff matrix before each answer (spec 14). Everything here is plain JSON (checkpointable).
import type { PayoffKey, PayoffMatrix } from '../rewards/gtalign.js';

/** Whether the user's opening question says what is needed (DQ) or leaves it open (VQ). */
export type QuestionType = 'definite' | 'vague';
/** The assistant's move: direct answer, clarifying question only, answer plus one follow-up question. */
export type AssistantStrategy = 'DA' | 'CQ' | 'AQ';

/** One conversation's setup. Only `question` is public; the rest is the user simulator's private state. */
export interface AssistantTask {
  id: string;
  /** The user's opening message, said verbatim. */
  question: string;
  type: QuestionType;
  /** What the user really needs, in full: private to the user. */
  intent: string;
  /** What the user says when asked to clarify: private until said. */
  clarification: string;
  /** Terms a good final answer mentions (case-insensitive): the in-game proxy for the answer judge. */
  keywords: string[];
}

/** The assistant's action: the whole generation, four tagged blocks. */
export interface AssistantAction {
  text: string;
}

export type UserReplyKind = 'satisfied' | 'clarify' | 'follow-up';

export interface UserAction {
  kind: UserReplyKind;
  message: string;
}

/** What the game read from one assistant turn and how it scored it. */
export interface AssistantTurnRecord {
  /** The four blocks and the `Choice:` line were well formed. */
  parsed: boolean;
  matrix: PayoffMatrix | null;
  /** The cell the assistant declared in its `<analyze>` block. */
  declared: PayoffKey | null;
  /** The cell the Pareto rule picks from the assistant's own matrix. */
  pareto: PayoffKey | null;
  /** declared === pareto. */
  consistent: boolean;
  /** The strategy part of the declared cell (DA, CQ, AQ). */
  strategy: AssistantStrategy | null;
  /** The text shown to the user. */
  response: string;
  /** Keyword coverage of the response ∈ [0, 1] (the answer-quality input of the rewards). */
  answer: number;
  format: number;
  payoffReward: number;
  user: number;
  llm: number;
  welfare: number;
}

export interface TranscriptLine {
  from: 'user' | 'assistant';
  text: string;
}

export interface Episode {
  task: AssistantTask;
  transcript: TranscriptLine[];
  turns: AssistantTurnRecord[];
  /** The user's replies' kinds, in order. */
  replies: UserReplyKind[];
  /** Whether the user has said its clarification (or anything from its intent) yet. */
  clarified: boolean;
  done: boolean;
}

export interface AssistantGameState {
  /** Global dialogue turn: the engine's round. */
  turn: number;
  /** Index into `tasks` of the current episode. */
  current: number;
  /** Who speaks next in the current episode. */
  next: 'assistant' | 'user';
  episodes: Episode[];
  over: boolean;
}

/** The assistant sees the public conversation only. */
export interface AssistantObservation {
  kind: 'assistant';
  episode: number;
  episodes: number;
  /** Assistant turns taken in this conversation, before this one. */
  turn: number;
  maxTurns: number;
  transcript: TranscriptLine[];
}

/** The user sees its own private task and the conversation. */
export interface UserObservation {
  kind: 'user';
  task: AssistantTask;
  transcript: TranscriptLine[];
  /** Keyword coverage of the assistant's last response. */
  lastCoverage: number;
  /** Whether the last response asks the user something. */
  asked: boolean;
  clarified: boolean;
  /** Whether this is the last reply of the conversation (the assistant has used its turns). */
  last: boolean;
}

export type AssistantGameObservation = AssistantObservation | UserObservation | { kind: 'idle' };
export type AssistantGameAction = AssistantAction | UserAction;
