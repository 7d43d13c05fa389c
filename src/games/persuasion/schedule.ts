// The protocol's order (spec 8.1): open -> reply -> [predict -> feedback -> attack -> reply] x cycles.
// Which option a cycle attacks, what the persuadee is asked to voice, and which dimensions it has voiced.
import type { Cue, Dimension, OptionName, PersuasionState, Step } from './types.js';

/** The step after `step` has been played in `state` (`attacks` already counts an attack just played). */
export function nextStep(state: PersuasionState, step: Step, attacksPlayed: number): Step | 'done' {
  if (step === 'open') return 'reply';
  if (step === 'predict') return 'feedback';
  if (step === 'feedback') return 'attack';
  if (step === 'attack') return 'reply';
  return attacksPlayed >= state.cycles ? 'done' : 'predict';
}

/** Cycle 0 attacks the preventive option; later cycles answer the persuadee's doubts about the generative one. */
export function optionOfCycle(cycle: number): OptionName {
  return cycle === 0 ? 'preventive' : 'generative';
}

/** What the persuadee voices in the reply that follows `attacksPlayed` attacks. */
export function cueAfter(attacksPlayed: number, cycles: number): Cue {
  if (attacksPlayed >= cycles) return 'final';
  if (attacksPlayed === 0) return 'preventive';
  if (attacksPlayed === 1) return 'generative-belief';
  return 'generative-desire';
}

/** Dimensions the persuadee has been asked to voice before cycle `cycle`'s prediction: the ones scored. */
export function revealedBefore(cycle: number): Dimension[] {
  const out: Dimension[] = ['preventive.belief', 'preventive.desire'];
  if (cycle >= 1) out.push('generative.belief');
  if (cycle >= 2) out.push('generative.desire');
  return out;
}
