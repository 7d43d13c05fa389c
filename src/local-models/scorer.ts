// The scorer contract: teacher-forced log-probabilities of a continuation after a prompt. Remote APIs
// cannot do this; rewards that need it (likelihood, follow-up likelihood, information gain, implicit PRM,
// P("Yes")) take a Scorer. Types only; the node-llama-cpp implementation lives beside this file.
import type { ChatMessage } from '../models/model.js';

export interface ScoreRequest {
  /** Raw text, or chat messages rendered with the model's chat template (ending at the assistant turn). */
  prompt: string | ChatMessage[];
  /** The text whose tokens are scored, as if the model had generated it after the prompt. */
  continuation: string;
}

export interface ScoreResult {
  /** The continuation's tokens as text pieces. */
  tokens: string[];
  /** Natural-log probability of each continuation token given everything before it. */
  logprobs: number[];
  /** Sum of `logprobs`. */
  total: number;
  /** Mean of `logprobs` (0 for an empty continuation). */
  mean: number;
}

export interface Scorer {
  /** Model identity, recorded with every reward computed from it. */
  readonly modelId: string;
  /** Score many requests; batched and prefix-shared where the prompts allow. Results are in request order. */
  score(requests: readonly ScoreRequest[]): Promise<ScoreResult[]>;
}
