// CAPO-style rewards (spec 13.3, arXiv 2508.02298): a generative PRM lists the incorrect steps, votes
// over k critiques decide, and each token gets R_t = r_v·W_whole − 1[t ∈ erroneous step]·W_process.
// The official repo is a placeholder, so the weights are ours: W_whole = 1, W_process = 0.5. They keep
// the paper's asymmetry (outcome weight > process weight), so a verified-correct answer is never net
// negative on any token, while erroneous steps still earn less than clean ones.

export interface CapoWeights {
  /** Weight of the verifiable outcome r_v ∈ {0,1}. @default 1 */
  whole?: number;
  /** Penalty on tokens of an erroneous step. @default 0.5 */
  process?: number;
}

/** Per-step reward: r_v·W_whole − 1[step erroneous]·W_process. */
export function capoStepRewards(stepCount: number, erroneousSteps: readonly number[], verified: boolean, weights: CapoWeights = {}): number[] {
  const whole = weights.whole ?? 1;
  const proc = weights.process ?? 0.5;
  const bad = new Set(erroneousSteps);
  return Array.from({ length: stepCount }, (_, i) => (verified ? whole : 0) - (bad.has(i) ? proc : 0));
}

/** Per-token reward: every token of step i receives step i's CAPO reward. */
export function capoTokenRewards(stepTokenCounts: readonly number[], erroneousSteps: readonly number[], verified: boolean, weights: CapoWeights = {}): number[] {
  const steps = capoStepRewards(stepTokenCounts.length, erroneousSteps, verified, weights);
  return stepTokenCounts.flatMap((count, i) => new Array<number>(count).fill(steps[i] ?? 0));
}
