// Metrics of one persuasion dialogue: how well the persuader read the persuadee (token F1 and accuracy per
// dimension, before and after the observer's feedback), whether the persuadee moved to the target option,
// and how long it took. Metric names are kebab-case; per-dimension ones end in `.preventive-belief` etc.
import { DIMENSIONS, type Dimension, type PersuasionState, type ScoredPrediction, type Stance } from './types.js';

/** The stance as a number: 0 = keeps the preventive option, 0.5 = undecided, 1 = takes the generative one. */
export function stanceValue(stance: Stance): number {
  return stance === 'generative' ? 1 : stance === 'undecided' ? 0.5 : 0;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function scores(predictions: ScoredPrediction[], when: ScoredPrediction['when'], dimension?: Dimension): number[] {
  const out: number[] = [];
  for (const p of predictions) {
    if (p.when !== when) continue;
    for (const [d, f1] of Object.entries(p.f1) as Array<[Dimension, number]>) if (dimension === undefined || d === dimension) out.push(f1);
  }
  return out;
}

export function persuasionMetrics(state: PersuasionState): Record<string, number> {
  const out: Record<string, number> = {
    turns: state.dialogue.length,
    cycles: state.attacks.length,
  };
  const correct = (xs: number[]) => xs.filter((x) => x >= state.threshold).length / xs.length;
  for (const d of DIMENSIONS) {
    const after = scores(state.predictions, 'attack', d);
    if (after.length === 0) continue;
    const name = d.replace('.', '-');
    out[`prediction-f1.${name}`] = mean(after);
    out[`prediction-accuracy.${name}`] = correct(after);
  }
  const before = scores(state.predictions, 'predict');
  const after = scores(state.predictions, 'attack');
  if (before.length > 0) out['prediction-f1-before-feedback'] = mean(before);
  if (after.length > 0) {
    out['prediction-f1-after-feedback'] = mean(after);
    out['prediction-accuracy'] = correct(after);
  }
  if (before.length > 0 && after.length > 0) out['feedback-gain'] = mean(after) - mean(before);
  if (state.attacks.length > 0) out['refute-share'] = state.attacks.filter((a) => a.tactic === 'refute').length / state.attacks.length;
  const first = state.stances[0];
  const last = state.stances[state.stances.length - 1];
  if (first && last) {
    out['final-stance'] = stanceValue(last);
    out['stance-shift'] = stanceValue(last) - stanceValue(first);
    out['moved-to-target'] = last === 'generative' ? 1 : 0;
  }
  return out;
}
