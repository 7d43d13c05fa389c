// State, observations and actions of the LLM Economist (spec 1). Per-worker quantities are plain arrays
// indexed by worker (1,000 workers are 1,000-long arrays, not 1,000 objects).
import { z } from 'zod';
import type { UtilityType } from './utility-types.js';

export const laborActionSchema = z.object({ LABOR: z.number() }).strict();
export const plannerActionSchema = z.union([z.object({ DELTA: z.array(z.number()) }).strict(), z.object({ RATES: z.array(z.number()) }).strict()]);
export const candidacyActionSchema = z.object({ run: z.boolean(), DELTA: z.array(z.number()).optional() }).strict();
export const voteActionSchema = z.object({ vote: z.string() }).strict();
/** A bounded worker's answer: is it satisfied with the tax policy this step? (spec 1.1, r = 1.0 or 0.5) */
export const satisfactionActionSchema = z.object({ ANSWER: z.enum(['YES', 'NO']) }).strict();

export type LaborAction = z.infer<typeof laborActionSchema>;
export type PlannerAction = z.infer<typeof plannerActionSchema>;
export type CandidacyAction = z.infer<typeof candidacyActionSchema>;
export type VoteAction = z.infer<typeof voteActionSchema>;
export type SatisfactionAction = z.infer<typeof satisfactionActionSchema>;
export type EconomistAction = LaborAction | PlannerAction | CandidacyAction | VoteAction | SatisfactionAction;

/** What comes next: the planner's (or voters') slow step, the workers' labor step, or the bounded workers' satisfaction answers. */
export type EconomistStage = 'plan' | 'candidacy' | 'vote' | 'labor' | 'satisfaction';

export interface EconomistState {
  /** Worker steps completed. */
  step: number;
  stage: EconomistStage;
  /** Marginal rates in percent, one per bracket. */
  rates: number[];
  skills: number[];
  /** Persona text per worker ('' when personas are off). */
  personas: string[];
  /** Utility type per worker (utility-types.ts). */
  utilityTypes: UtilityType[];
  /** Last step's labor, income, tax and utility per worker. `utility` is what each worker's type experiences. */
  labor: number[];
  income: number[];
  tax: number[];
  utility: number[];
  /** Last step's isoelastic utility ũ per worker, whatever the type: the planner's SWF and statistics use it. */
  isoelasticUtility: number[];
  /** Last step's satisfaction factor r per worker (1 unless a bounded worker said NO). */
  satisfaction: number[];
  rebate: number;
  cumulativeUtility: number[];
  /** Last `historyWindow` steps, oldest first: labor and utility arrays. */
  laborWindow: number[][];
  utilityWindow: number[][];
  /** Per step in the window: the rates in force and the SWF reached. */
  history: Array<{ step: number; rates: number[]; swf: number }>;
  /** Running-mean SWF per tax vector discretised to 10 % cells (key `50,50,50`). */
  swfTable: Record<string, { mean: number; n: number }>;
  cumulativeSwf: number;
  /** Closed tax years: the rates in force and the mean SWF reached. */
  years: Array<{ step: number; rates: number[]; swf: number }>;
  /** Running sums of the open tax year. */
  yearSwfSum: number;
  yearSteps: number;
  plannerUpdates: number;
  /** Democratic variant: the current year's platforms (null = declined) and the last winner. */
  platforms: Record<string, number[] | null>;
  /** Revenue each platform's rates would raise at the incomes of the step before the election. */
  platformRevenue: Record<string, number>;
  /** Income percentiles 0..100 fixed when a tax year opens (democratic variant). */
  incomePercentiles: number[];
  leader: string | null;
  elections: Array<{ step: number; leader: string | null; votes: Record<string, number> }>;
  /** Illegal actions that reached `apply` (replaced by the default). */
  violations: Array<{ agent: string; step: number; reason: string }>;
}

export interface Stats {
  mean: number;
  median: number;
  std: number;
}

export interface WorkerObservation {
  kind: 'labor';
  id: string;
  step: number;
  steps: number;
  rates: number[];
  brackets: readonly number[];
  skill: number;
  persona: string;
  grid: number[];
  lastLabor: number | null;
  /** Mean labor over the window, rounded to a multiple of 10. */
  averageLabor: number | null;
  averageUtility: number | null;
  lastIncome: number | null;
  lastTax: number | null;
  rebate: number;
  /** Final 10 % of steps or the last step of a tax year: pick your best labor. */
  bestCue: boolean;
  laborCost: { c: number; delta: number };
  leader: string | null;
  /** What this worker maximises (utility-types.ts) and, for altruists and adversaries, the SWF in use. */
  utilityType: UtilityType;
  swfKind: 'inverse-income' | 'utilitarian';
}

/** A bounded worker asked whether it is satisfied with the tax policy after a step. */
export interface SatisfactionObservation {
  kind: 'satisfaction';
  id: string;
  /** The step just played. */
  step: number;
  persona: string;
  rates: number[];
  brackets: readonly number[];
  skill: number;
  labor: number;
  income: number;
  tax: number;
  rebate: number;
  /** ũ = z − tax + R − c·l^δ. */
  isoelasticUtility: number;
  laborCost: { c: number; delta: number };
}

export interface CitizenContext {
  id: string;
  /** Number of workers (the rebate is revenue / workers). */
  workers: number;
  /** The worker's own income last step. */
  lastIncome: number;
  step: number;
  rates: number[];
  brackets: readonly number[];
  skill: number;
  persona: string;
  /** Percentiles 0, 1, ..., 100 of last step's incomes (101 numbers whatever the population), for estimating revenue. */
  incomePercentiles: readonly number[];
  laborCost: { c: number; delta: number };
}

export interface CandidacyObservation extends CitizenContext {
  kind: 'candidacy';
}

export interface VoteObservation extends CitizenContext {
  kind: 'vote';
  /** Each platform with the tax revenue its rates would raise at last step's incomes. */
  candidates: Array<{ id: string; platform: number[]; estimatedRevenue: number }>;
}

export interface PlannerObservation {
  kind: 'plan';
  step: number;
  steps: number;
  rates: number[];
  brackets: readonly number[];
  /** Workers per bracket by last step's income. */
  incomeHistogram: number[];
  /** 10 equal-width bins between the lowest and the highest utility. */
  utilityHistogram: { edges: number[]; counts: number[] };
  income: Stats;
  utility: Stats;
  swf: number;
  swfKind: 'inverse-income' | 'utilitarian';
  /** Mean SWF of the tax year that just ended. */
  yearSwf: number;
  /** The rates with the highest SWF within the history window. */
  best: { rates: number[]; swf: number } | null;
  /** The year before: its rates and mean SWF (for the reflection line). */
  previousYear: { rates: number[]; swf: number } | null;
  /** Final 10 % of steps: choose the best rates seen. */
  final: boolean;
  /** Last step's incomes (shared, read-only), for baseline planners. */
  incomes: readonly number[];
}

export type EconomistObservation = WorkerObservation | CandidacyObservation | VoteObservation | PlannerObservation | SatisfactionObservation;
