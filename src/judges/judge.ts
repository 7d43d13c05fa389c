// The judge contract. A judge reads something from a trace (an event, an utterance, a candidate
// answer, a whole dialogue) and returns scores with a rationale. Judges never edit a trace: their
// results become `judge-score` and `reward` events in a NEW trace (see judge-trace.ts).
// Types only.

/** Declared behaviour of a judge, used by registries, caching, the family rule and the viewer. */
export interface JudgeMetadata {
  /** Stable name; becomes `judge:<name>` as the agent id of its model calls. */
  readonly name: string;
  /** Bump when the prompt, schema or scoring rule changes. */
  readonly version: string;
  /** `pointwise`, `pairwise`, `reference`, `rule`, `process`, `attribution`, `subgoal`, `panel`, ... */
  readonly kind: string;
  /** False for rule-based judges: no model is called. */
  readonly usesModel: boolean;
  /** Model family of the judge's model (see `modelFamily`), when it uses one. */
  readonly family?: string;
}

/** Where a judge call sits in a run; becomes the model call's CallContext. */
export interface JudgeCallOptions {
  runId?: string;
  /** Logical time of the judged target. */
  turn?: number;
  /** Replicate index inside a panel of the same judge. @default 0 */
  replicate?: number;
  signal?: AbortSignal;
}

/** What a judge returns for one target. */
export interface JudgeResult {
  /** Score per dimension (`score` for single-score judges). */
  scores: Record<string, number>;
  rationale?: string;
  /** Dimensions whose raw value was out of range and clamped (rubric judges). */
  clamped?: string[];
  /** Model calls made for this result (0 for rule judges and guarded answers). */
  calls: number;
  /** Dollars spent, as reported by the model stack's usage wrapper. */
  cost: number;
}

/** A scored thing taken from a trace. `seq` lists the events it comes from. */
export interface JudgeTarget {
  seq: number[];
  /** The text under judgement (an utterance, a step, an answer). */
  text: string;
  agent?: string;
  time?: number;
}

/** A judge of one piece of text against a rubric (pointwise) or of a target from a trace. */
export interface Judge<Input = JudgeTarget, Result extends JudgeResult = JudgeResult> {
  readonly metadata: JudgeMetadata;
  judge(input: Input, options?: JudgeCallOptions): Promise<Result>;
}

/** Reference-based verification input: (question, reference, candidate) -> YES / NO. */
export interface VerificationInput {
  question: string;
  reference: string;
  candidate: string;
}

export type Verdict = 'YES' | 'NO';

export interface VerificationResult extends JudgeResult {
  verdict: Verdict;
  /** Set when a guard answered NO without calling the judge. */
  guarded?: string;
}

/** A judge that verifies a candidate against a reference answer (spec section 11). */
export type ReferenceJudge = Judge<VerificationInput, VerificationResult>;

/** Pairwise preference input: which of two responses better answers the prompt? */
export interface PairwiseInput {
  prompt: string;
  a: string;
  b: string;
}

export type Preference = 'A' | 'B' | 'tie';

export interface PairwiseResult extends JudgeResult {
  /** Preference after combining both presentation orders. */
  preference: Preference;
  /** Verdict with A shown first, and with B shown first (mapped back to A/B). */
  orders: { ab: Preference; ba: Preference };
  /** True when the two orders disagree (a position-bias signal). */
  inconsistent: boolean;
}

export type PairwiseJudge = Judge<PairwiseInput, PairwiseResult>;

