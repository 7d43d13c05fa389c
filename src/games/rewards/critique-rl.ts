// Critique-RL critic rewards (spec 9; Xi et al., arXiv 2510.24320; WooooDyy/Critique-RL@06283864a725).
// The critic must end with "Correctness of the final answer: Correct" or "... Wrong".

export type CriticVerdict = 'correct' | 'wrong';

/** The last verdict line in a critique (case-insensitive), or null when there is none. */
export function parseCriticVerdict(critique: string): CriticVerdict | null {
  const matches = [...critique.matchAll(/correctness of the final answer\s*:\s*\**\s*(correct|wrong)\b/gi)];
  const last = matches.at(-1)?.[1];
  return last === undefined ? null : (last.toLowerCase() as CriticVerdict);
}

/** Stage I (discriminability): +1 when the verdict matches the first attempt's correctness, else −1 (missing included). */
export function critiqueStageOneReward(verdict: CriticVerdict | null, firstAttemptCorrect: boolean): number {
  if (verdict === null) return -1;
  return (verdict === 'correct') === firstAttemptCorrect ? 1 : -1;
}

export type HelpfulnessMode = 'r_refine' | 'r_correct' | 'r_delta';

/**
 * r_help by mode, from the correctness before (first attempt) and after (refinement):
 *   r_refine:  1 if the refinement is correct, else 0
 *   r_correct: c→c 0.2, c→w 0, w→c 1, w→w 0
 *   r_delta:   c→c 0,   c→w −1, w→c +1, w→w 0
 */
export function critiqueHelpfulness(mode: HelpfulnessMode, before: boolean, after: boolean): number {
  switch (mode) {
    case 'r_refine':
      return after ? 1 : 0;
    case 'r_correct':
      return before ? (after ? 0.2 : 0) : after ? 1 : 0;
    case 'r_delta':
      return before === after ? 0 : after ? 1 : -1;
  }
}

/**
 * Stage II: r = r_help + 0.2 when the verdict is right; −1 when it is wrong or missing (overriding r_help).
 */
export function critiqueStageTwoReward(input: {
  verdict: CriticVerdict | null;
  firstAttemptCorrect: boolean;
  refinementCorrect: boolean;
  mode: HelpfulnessMode;
}): number {
  if (critiqueStageOneReward(input.verdict, input.firstAttemptCorrect) < 0) return -1;
  return critiqueHelpfulness(input.mode, input.firstAttemptCorrect, input.refinementCorrect) + 0.2;
}

/** One critic episode for the metrics. */
export interface CritiqueEpisode {
  verdict: CriticVerdict | null;
  firstAttemptCorrect: boolean;
  refinementCorrect: boolean;
}

/** Spec 9's tracked metrics: discrimination accuracy (overall and split), transition rates, Δ, change rate. */
export function critiqueMetrics(episodes: readonly CritiqueEpisode[]) {
  const n = episodes.length || 1;
  const rate = (f: (e: CritiqueEpisode) => boolean, pool = episodes) => (pool.length === 0 ? 0 : pool.filter(f).length / pool.length);
  const right = (e: CritiqueEpisode) => critiqueStageOneReward(e.verdict, e.firstAttemptCorrect) > 0;
  const wasCorrect = episodes.filter((e) => e.firstAttemptCorrect);
  const wasWrong = episodes.filter((e) => !e.firstAttemptCorrect);
  const before = episodes.filter((e) => e.firstAttemptCorrect).length / n;
  const after = episodes.filter((e) => e.refinementCorrect).length / n;
  return {
    discriminationAccuracy: rate(right),
    discriminationOnCorrect: rate(right, wasCorrect),
    discriminationOnWrong: rate(right, wasWrong),
    correctToCorrect: rate((e) => e.firstAttemptCorrect && e.refinementCorrect),
    correctToWrong: rate((e) => e.firstAttemptCorrect && !e.refinementCorrect),
    wrongToCorrect: rate((e) => !e.firstAttemptCorrect && e.refinementCorrect),
    wrongToWrong: rate((e) => !e.firstAttemptCorrect && !e.refinementCorrect),
    delta: after - before,
    changeRate: rate((e) => e.firstAttemptCorrect !== e.refinementCorrect),
  };
}
