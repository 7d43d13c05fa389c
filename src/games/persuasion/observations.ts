// What each seat sees. The double-blind rule lives here: the persuader never sees the persuadee's beliefs,
// desires or stance; the persuadee never sees the persuader's predictions, chosen point or tactic; only
// the observer sees the truth and the predictions together.
import type { Cue, DialogueLine, Dimension, OptionName, OptionState, PersuasionScenario, Prediction, Stance, Step } from './types.js';

/** The scenario as everyone knows it: setting, names, goal and the two options' contents. */
export interface PublicScenario {
  tag: string;
  background: string;
  persuader: string;
  persuadee: string;
  goal: string;
  domain: string[];
  preventive: string;
  generative: string;
}

export interface PersuaderObservation {
  role: 'persuader';
  step: 'open' | 'predict' | 'attack';
  cycle: number;
  cycles: number;
  scenario: PublicScenario;
  dialogue: DialogueLine[];
  /** The private channel with the observer: your predictions and its feedback. */
  coaching: Array<{ from: 'persuader' | 'observer'; text: string }>;
  /** The option this cycle's attack is about. */
  option: OptionName;
  /** Dimensions the persuadee has had the chance to voice; predict the others as "unknown". */
  revealed: Dimension[];
  /** Your latest prediction, to revise after feedback. */
  lastPrediction?: Prediction;
}

export interface PersuadeeObservation {
  role: 'persuadee';
  step: 'reply';
  cycle: number;
  scenario: PublicScenario;
  /** Your own mental state: private. */
  state: { preventive: OptionState; generative: OptionState };
  dialogue: DialogueLine[];
  cue: Cue;
  /** Your stance after each of your earlier replies. */
  stances: Stance[];
}

export interface ObserverObservation {
  role: 'observer';
  step: 'feedback';
  cycle: number;
  scenario: PersuasionScenario;
  dialogue: DialogueLine[];
  prediction: Prediction;
  revealed: Dimension[];
  /** Token F1 of the prediction per revealed dimension (mental-state-similarity.ts). */
  f1: Partial<Record<Dimension, number>>;
  threshold: number;
  stances: Stance[];
}

/** Any seat between its turns: what it has heard, nothing private of others. */
export interface WaitingObservation {
  role: 'waiting';
  step: Step | 'done';
  dialogue: DialogueLine[];
}

export type PersuasionObservation = PersuaderObservation | PersuadeeObservation | ObserverObservation | WaitingObservation;

export function publicScenario(s: PersuasionScenario): PublicScenario {
  return {
    tag: s.tag,
    background: s.background,
    persuader: s.persuader,
    persuadee: s.persuadee,
    goal: s.goal,
    domain: s.domain,
    preventive: s.preventive.content,
    generative: s.generative.content,
  };
}
