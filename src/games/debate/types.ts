// State, observations and actions of the debate game (spec 8.2). Plain JSON throughout.
import type { DebateParams, Sociodemographics } from './params.js';

/** The debate's stages in order; surveys bracket the three speaking stages. */
export const DEBATE_STAGES = ['pre-survey', 'opening', 'rebuttal', 'conclusion', 'post-survey'] as const;
export type DebateStage = (typeof DEBATE_STAGES)[number];
export type SpeakingStage = 'opening' | 'rebuttal' | 'conclusion';

export interface DebateArgument {
  stage: SpeakingStage;
  /** `participant` or `opponent`. */
  by: 'participant' | 'opponent';
  text: string;
}

export interface PairRecord {
  /** Agreement with the proposition before the debate (1..scale); private to the participant. */
  pre?: number;
  /** After the debate. */
  post?: number;
  arguments: DebateArgument[];
}

export interface DebateState {
  params: DebateParams;
  /** Index into DEBATE_STAGES; DEBATE_STAGES.length when over. */
  stage: number;
  pairs: PairRecord[];
}

export type DebateObservation =
  | {
      kind: 'survey';
      when: 'pre' | 'post';
      topic: string;
      scale: number;
      /** The participant's own sociodemographics. */
      you: Sociodemographics;
      /** What was said (empty before the debate). */
      transcript: Array<{ speaker: 'you' | 'opponent'; stage: SpeakingStage; text: string }>;
    }
  | {
      kind: 'argue';
      stage: SpeakingStage;
      topic: string;
      side: 'pro' | 'con';
      /** Own sociodemographics (participants only). */
      you?: Sociodemographics;
      /** The other debater's sociodemographics: only for a personalised opponent. */
      opponent?: Sociodemographics;
      transcript: Array<{ speaker: 'you' | 'opponent'; stage: SpeakingStage; text: string }>;
    }
  | { kind: 'idle'; stage: DebateStage };

export type DebateAction = { agreement: number } | { argument: string };
