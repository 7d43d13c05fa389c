// State, observations and actions of the donor game. All plain JSON.
import type { AgentId } from '../game.js';
import type { DonorParams } from './params.js';

/** One donor decision, kept for traces, metrics and replay. */
export interface Interaction {
  /** Global phase counter when it happened: orders interactions across rounds, games and generations. */
  turn: number;
  generation: number;
  /** 0 or 1: first or second game of the generation. */
  game: number;
  /** 1-based round within the game, as shown in traces. */
  round: number;
  donor: AgentId;
  recipient: AgentId;
  kind: 'donate' | 'punish' | 'refuse';
  /** Units given (donate) or spent (punish); 0 for refuse. */
  amount: number;
  donorBefore: number;
  recipientBefore: number;
}

export interface DonorAgentState {
  id: AgentId;
  /** Generation (0-based) the agent was born in. */
  born: number;
  strategy: string | null;
  resources: number;
  /** Final resources of the generation's games so far. */
  finals: number[];
  reputation: number | null;
}

export interface GenerationSummary {
  /** 1-based, as reported. */
  generation: number;
  averageFinalResources: number;
  averageDonationFraction: number;
  punishments: number;
  refusals: number;
  gini: number;
  scores: Record<AgentId, number>;
  survivors: AgentId[];
}

export interface DonorState {
  params: DonorParams;
  /** 0-based generation. */
  generation: number;
  stage: 'strategy' | 'donate' | 'over';
  /** 0 or 1. */
  game: number;
  /** 0-based round within the game. */
  round: number;
  turn: number;
  population: DonorAgentState[];
  history: Interaction[];
  /** Survivors' strategies and scores shown to the current generation's newcomers. */
  inherited: Array<{ agent: AgentId; strategy: string; score: number }>;
  summaries: GenerationSummary[];
  /** Last generation score of every agent that has finished a generation. */
  scores: Record<AgentId, number>;
}

export type DonorAction =
  | { kind: 'strategy'; strategy: string }
  | { kind: 'donate'; amount: number }
  | { kind: 'punish'; amount: number }
  | { kind: 'refuse' };

/** Rules every observation carries, for prompts. */
export interface DonorRules {
  agents: number;
  endowment: number;
  multiplier: number;
  punishment: boolean;
  punishmentLoss: number;
  refusal: boolean;
  traceDepth: number;
  generations: number;
}

export interface DonorStrategyObservation {
  kind: 'strategy';
  name: AgentId;
  /** 1-based. */
  generation: number;
  rules: DonorRules;
  inherited: Array<{ agent: AgentId; strategy: string; score: number }>;
}

export interface DonorDonateObservation {
  kind: 'donate';
  name: AgentId;
  generation: number;
  /** 1-based round within the game; `game` is 1 or 2. */
  round: number;
  game: number;
  strategy: string;
  resources: number;
  recipient: AgentId;
  recipientResources: number;
  /** The indirect-reciprocity trace, most recent link first. */
  trace: Interaction[];
  traceText: string;
  rules: DonorRules;
}

/** Agents not acting now see only that they wait. */
export interface DonorIdleObservation {
  kind: 'idle';
  name: AgentId;
  generation: number;
  resources: number;
}

export type DonorObservation = DonorStrategyObservation | DonorDonateObservation | DonorIdleObservation;
