import { PolisError, type PolisErrorOptions } from './polis-error.js';

/** Which part of the request differs from the recording. */
export type DivergencePart = 'messages' | 'schema' | 'sampling' | 'position' | 'missing';

export interface RerunDivergence {
  agent: string;
  turn?: number;
  purpose?: string;
  position?: number;
  replicate?: number;
  /** `seq` of the recorded model-call event, when the recording came from a trace. */
  recordedSeq?: number;
  part: DivergencePart;
  /** For `messages`: index of the first differing message. */
  messageIndex?: number;
  /** A one-line description of the difference. */
  detail: string;
}

/** A rerun made a model request that differs from (or is absent in) the recorded trace. */
export class RerunDivergedError extends PolisError {
  override readonly name = 'RerunDivergedError';
  readonly code = 'rerun_diverged' as const;
  readonly divergence: RerunDivergence;

  constructor(divergence: RerunDivergence, options: PolisErrorOptions = {}) {
    const d = divergence;
    const where = [
      `agent ${d.agent}`,
      d.turn === undefined ? undefined : `turn ${d.turn}`,
      d.purpose === undefined ? undefined : `purpose ${d.purpose}`,
      d.position ? `position ${d.position}` : undefined,
      d.replicate ? `replicate ${d.replicate}` : undefined,
      d.recordedSeq === undefined ? undefined : `recorded seq ${d.recordedSeq}`,
    ].filter(Boolean);
    super(`rerun diverged at the call of ${where.join(', ')}: ${d.part} differ: ${d.detail}`, options);
    this.divergence = divergence;
  }
}
