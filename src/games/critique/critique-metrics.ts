// The game's summary: spec 9's tracked metrics (critiqueMetrics of ../rewards), plus the four transition
// counts, accuracy before and after refinement, mean stage rewards and missing verdicts. Summary keys
// follow the project's metric names (kebab-case); the rewards module keeps its camelCase fields as code.
import { critiqueMetrics } from '../rewards/critique-rl.js';
import { mean } from '../metrics/mean.js';
import type { CritiqueEpisodeRecord } from './types.js';

export function critiqueMetricsOf(log: readonly CritiqueEpisodeRecord[]): Record<string, number> {
  const count = (t: CritiqueEpisodeRecord['transition']) => log.filter((e) => e.transition === t).length;
  const m = critiqueMetrics(log);
  return {
    episodes: log.length,
    'discrimination-accuracy': m.discriminationAccuracy,
    'discrimination-on-correct': m.discriminationOnCorrect,
    'discrimination-on-wrong': m.discriminationOnWrong,
    'correct-to-correct': m.correctToCorrect,
    'correct-to-wrong': m.correctToWrong,
    'wrong-to-correct': m.wrongToCorrect,
    'wrong-to-wrong': m.wrongToWrong,
    delta: m.delta,
    'change-rate': m.changeRate,
    'correct-to-correct-count': count('correct->correct'),
    'correct-to-wrong-count': count('correct->wrong'),
    'wrong-to-correct-count': count('wrong->correct'),
    'wrong-to-wrong-count': count('wrong->wrong'),
    'accuracy-before': mean(log.map((e) => (e.firstAttemptCorrect ? 1 : 0))),
    'accuracy-after': mean(log.map((e) => (e.refinementCorrect ? 1 : 0))),
    'mean-stage-one-reward': mean(log.map((e) => e.stageOneReward)),
    'mean-stage-two-reward': mean(log.map((e) => e.stageTwoReward)),
    'missing-verdicts': log.filter((e) => e.verdict === null).length,
  };
}
