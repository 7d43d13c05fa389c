// Summary metrics of a discussion: mean interaction rewards per role, how scores were read (tag,
// fallback digit, default 2, or no text at all), and accuracy against the reference answers, which CoMAS
// reports on the last round's solutions (spec 10) and we also give per round.
import { mean } from '../metrics/mean.js';
import type { DiscussionState, Interaction } from './types.js';

function accuracy(interactions: readonly Interaction[]): number | undefined {
  const checked = interactions.filter((i) => i.correct !== undefined);
  if (checked.length === 0) return undefined;
  return checked.filter((i) => i.correct).length / checked.length;
}

export function discussionMetrics(state: DiscussionState, rounds: number): Record<string, number> {
  const all = state.history;
  const out: Record<string, number> = {
    interactions: all.length,
    'reward.solver.mean': mean(all.map((i) => i.rewards.solver)),
    'reward.evaluator.mean': mean(all.map((i) => i.rewards.evaluator)),
    'reward.scorer.mean': mean(all.map((i) => i.rewards.scorer)),
    'score.mean': mean(all.flatMap((i) => (i.score ? [i.score.score] : []))),
    'score.tag': all.filter((i) => i.score?.source === 'tag').length,
    'score.fallback': all.filter((i) => i.score?.source === 'fallback').length,
    'score.default': all.filter((i) => i.score?.source === 'default').length,
    'scorer.failures': all.filter((i) => i.score === null).length,
  };
  const last = accuracy(all.filter((i) => i.round === rounds));
  if (last !== undefined) out.accuracy = last;
  for (let r = 1; r <= rounds; r++) {
    const value = accuracy(all.filter((i) => i.round === r));
    if (value !== undefined) out[`accuracy.round${r}`] = value;
  }
  for (const [agent, t] of Object.entries(state.totals)) {
    out[`agent.${agent}.solver`] = t.solver;
    out[`agent.${agent}.evaluator`] = t.evaluator;
    out[`agent.${agent}.scorer`] = t.scorer;
  }
  return out;
}
