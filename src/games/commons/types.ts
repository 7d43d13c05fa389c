// State, observations and actions of the common-pool resource game. All plain JSON.
import type { AgentId } from '../game.js';
import type { CommonsParams } from './params.js';

/** What a strategy agent does: harvest `harvestFactor` × the norm; monitor and punish violators or not. */
export interface HarvestStrategy {
  harvestFactor: number;
  punish: boolean;
}

export interface RoundRecord {
  /** 1-based. */
  round: number;
  stockBefore: number;
  norm: number;
  requests: number[];
  harvests: number[];
  /** Seats that monitored, and (punisher, violator) seat pairs. */
  monitors: number[];
  punishments: Array<[number, number]>;
  /** Round payoff per seat: harvest − monitoring and punishment costs − fines. */
  payoffs: number[];
  stockAfter: number;
}

export interface CommonsState {
  params: CommonsParams;
  stage: 'harvest' | 'sanction' | 'over';
  /** 0-based round in progress. */
  round: number;
  stock: number;
  collapsed: boolean;
  strategies: HarvestStrategy[];
  totals: number[];
  /** The round in progress, between the harvest and the sanction phase. */
  pending: Omit<RoundRecord, 'stockAfter' | 'payoffs' | 'monitors' | 'punishments'> | null;
  log: RoundRecord[];
}

/** The rules every observation carries, for prompts. */
export interface CommonsRules {
  agents: number;
  rounds: number;
  capacity: number;
  regrowth: CommonsParams['regrowth'];
  collapseThreshold: number;
  /** Whether a sanction phase follows each harvest. */
  sanctions: boolean;
}

export interface CommonsHarvestObservation {
  kind: 'harvest';
  name: AgentId;
  round: number;
  rounds: number;
  agents: number;
  stock: number;
  capacity: number;
  regrowth: CommonsParams['regrowth'];
  collapseThreshold: number;
  /** This round's per-agent harvest limit. */
  norm: number;
  totalPayoff: number;
  last?: { harvest: number; totalHarvest: number; payoff: number; fined: number; monitored?: Record<AgentId, number> };
  /** The agent's current strategy (used by scripted strategy agents; LLM prompts do not show it). */
  strategy: HarvestStrategy;
  rules: CommonsRules;
}

export interface CommonsSanctionObservation {
  kind: 'sanction';
  name: AgentId;
  round: number;
  harvest: number;
  totalHarvest: number;
  norm: number;
  agents: number;
  monitoringCost: number;
  punishmentCost: number;
  fine: number;
  strategy: HarvestStrategy;
  rules: CommonsRules;
}

export type CommonsObservation = CommonsHarvestObservation | CommonsSanctionObservation;

export type CommonsAction = { kind: 'harvest'; amount: number } | { kind: 'sanction'; monitor: boolean; punish: boolean };
