// The game's summary: spec 9's tracked metrics (critiqueMetrics of ../rewards), plus the four transition
// counts, accuracy before and after refinement, mean stage rewards and missing verdicts.
import { critiqueMetrics } from '../rewards/critique-rl.js';
import { mean } from '../metrics/mean.js';
import type { CritiqueEpisodeRecord } from './types.js';

export function critiqueMetricsOf(log: readonly CritiqueEpisodeRecord[]): Record<string, number> {
  const count = (t: CritiqueEpisodeRecord['transition']) => log.filter((e) => e.transition === t).length;
  return {
    episodes: log.length,
    ...critiqueMetrics(log),
    correctToCorrectCount: count('correct->correct'),
    correctToWrongCount: count('correct->wrong'),
    wrongToCorrectCount: count('wrong->correct'),
    wrongToWrongCount: count('wrong->wrong'),
    accuracyBefore: mean(log.map((e) => (e.firstAttemptCorrect ? 1 : 0))),
    accuracyAfter: mean(log.map((e) => (e.refinementCorrect ? 1 : 0))),
    meanStageOneReward: mean(log.map((e) => e.stageOneReward)),
    meanStageTwoReward: mean(log.map((e) => e.stageTwoReward)),
    missingVerdicts: log.filter((e) => e.verdict === null).length,
  };
}
