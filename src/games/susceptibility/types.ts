// State, observations and actions of the susceptibility dialogue (spec 8.3). Plain JSON throughout.
import type { SusceptibilityParams } from './params.js';

export interface Utterance {
  /** 0 for the persuadee's opening, then 1..turns. */
  turn: number;
  speaker: 'persuader' | 'persuadee';
  text: string;
}

export interface SusceptibilityState {
  params: SusceptibilityParams;
  /** 0: persuadee opening; 2t - 1: persuader turn t; 2t: persuadee turn t. */
  step: number;
  transcript: Utterance[];
  /** The persuadee's self-reported agreement after each of its turns, private to it. */
  reports: Array<{ turn: number; agreement: number }>;
}

export type SusceptibilityObservation =
  | {
      kind: 'persuade';
      claim: string;
      strategy: string;
      /** What the principle asks of the persuader. */
      principle: string;
      turn: number;
      turns: number;
      transcript: Utterance[];
    }
  | {
      kind: 'respond';
      claim: string;
      /** The persuadee's own stated prior (no-prior condition: absent). */
      prior?: { agreement: number; statement: string };
      scale: number;
      /** 0 = the opening statement, before any persuasion. */
      turn: number;
      turns: number;
      transcript: Utterance[];
    };

export type SusceptibilityAction = { message: string } | { reply: string; agreement: number };

/** The setup recorded once in the trace (first outcome) for judges that read it. */
export interface SusceptibilitySetup {
  claim: string;
  scale: number;
  strategy: string;
  context: string;
  turns: number;
  prior: { agreement: number; statement: string } | null;
  persuader: string;
  persuadee: string;
}
