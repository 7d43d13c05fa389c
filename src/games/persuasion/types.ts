// Types of the double-blind persuasion game (spec 8.1, ToMMA / CToMPersu). The persuadee's mental state is
// private to the persuadee (and the observer, who sees the truth); the persuader's predictions and attack
// plans are private to the persuader (and the observer). Everything here is JSON-serialisable.
import type { AgentId } from '../game.js';

/** The two options of a scenario: what the persuadee wants to do now, and what the persuader wants. */
export type OptionName = 'preventive' | 'generative';

/** A belief or a desire about one option. Spec 8.1: each option has exactly ONE belief and ONE desire. */
export type Attitude = 'belief' | 'desire';

/** One of the four predicted dimensions, `preventive.belief` ... `generative.desire`. */
export type Dimension = `${OptionName}.${Attitude}`;

export const DIMENSIONS: readonly Dimension[] = ['preventive.belief', 'preventive.desire', 'generative.belief', 'generative.desire'];

/** The mental state attached to one option: its content (public) and the persuadee's belief and desire (private). */
export interface OptionState {
  content: string;
  belief: string;
  desire: string;
}

/** A CToMPersu scenario (the `scenario` record of CToMPersu_Eval.json), with our id. */
export interface PersuasionScenario {
  /** `ctompersu-<index>` for dataset entries, or the inline scenario's own id. */
  id: string;
  tag: string;
  background: string;
  /** Names of the two characters (the agents keep their own ids). */
  persuadee: string;
  persuader: string;
  goal: string;
  domain: string[];
  preventive: OptionState;
  generative: OptionState;
}

/** The persuader's guess of the persuadee's beliefs and desires; "unknown" where it has no idea yet. */
export interface Prediction {
  preventive: { belief: string; desire: string };
  generative: { belief: string; desire: string };
}

/** Where the persuadee leans now: its original plan, undecided, or the persuader's target. */
export type Stance = 'preventive' | 'undecided' | 'generative';

/** The step of the protocol, in order: open, reply, then per cycle predict, feedback, attack, reply. */
export type Step = 'open' | 'reply' | 'predict' | 'feedback' | 'attack';

/** What the persuadee is asked to voice in a reply (spec 8.1 steps 2 and 6). */
export type Cue = 'preventive' | 'generative-belief' | 'generative-desire' | 'final';

export type OpenAction = { type: 'open'; message: string };
export type ReplyAction = { type: 'reply'; message: string; stance: Stance };
export type PredictAction = { type: 'predict'; prediction: Prediction };
export type FeedbackAction = { type: 'feedback'; feedback: string };
export type AttackAction = { type: 'attack'; prediction: Prediction; point: Attitude; tactic: 'refute' | 'divert'; message: string };
export type PersuasionAction = OpenAction | ReplyAction | PredictAction | FeedbackAction | AttackAction;

/** One public line of the conversation. */
export interface DialogueLine {
  speaker: 'persuader' | 'persuadee';
  text: string;
}

/** A prediction as the game scored it: token F1 per revealed dimension (see mental-state-similarity.ts). */
export interface ScoredPrediction {
  cycle: number;
  /** `predict`: before the observer's feedback; `attack`: the revised one the attack is built on. */
  when: 'predict' | 'attack';
  prediction: Prediction;
  f1: Partial<Record<Dimension, number>>;
}

export interface AttackRecord {
  cycle: number;
  option: OptionName;
  point: Attitude;
  tactic: 'refute' | 'divert';
}

export interface PersuasionState {
  scenario: PersuasionScenario;
  seats: { persuader: AgentId; persuadee: AgentId; observer: AgentId };
  /** Attack cycles to play (spec 8.1 plays three: preventive, generative belief, generative desire). */
  cycles: number;
  /** Token F1 at or above which a predicted dimension counts as correct. */
  threshold: number;
  step: Step | 'done';
  /** 0-based attack cycle the current step belongs to (the opening and first reply are cycle 0). */
  cycle: number;
  /** Phases played so far (the engine's round numbers). */
  turn: number;
  dialogue: DialogueLine[];
  /** Persuader <-> observer private channel: predictions and feedback, in order. */
  coaching: Array<{ from: 'persuader' | 'observer'; text: string }>;
  predictions: ScoredPrediction[];
  attacks: AttackRecord[];
  /** The persuadee's stance after each of its replies (private to the persuadee and the observer). */
  stances: Stance[];
}
