// Scripted seats for offline runs and tests. They follow the spec 8.1 protocol mechanically: the persuadee
// voices the point its cue asks for, the persuader guesses each dimension from what was said, and the
// observer grades each guess from the game's token F1 without quoting the truth.
import type { Strategy } from '../definition.js';
import { UNKNOWN_PREDICTION } from './actions.js';
import type { ObserverObservation, PersuadeeObservation, PersuaderObservation, PersuasionObservation } from './observations.js';
import type { Attitude, DialogueLine, Dimension, PersuasionAction, Prediction, Stance } from './types.js';

type PersuasionStrategy = Strategy<PersuasionObservation, PersuasionAction>;
const SOURCE = 'Polis baseline for the double-blind persuasion protocol (spec 8.1)';

/** "persuadee believes that X" -> "I believe that X", so a scripted persuadee can say its state aloud. */
export function firstPerson(text: string): string {
  return text
    .replace(/\b(?:the\s+)?persuadee\s+is\b/i, 'I am')
    .replace(/\b(?:the\s+)?persuadee\s+(\w+?)s\b/i, (_m, verb: string) => `I ${verb}`)
    .replace(/\b(?:his|her|their)\b/gi, 'my')
    .replace(/\b(?:himself|herself|themselves)\b/gi, 'myself');
}

function voice(o: PersuadeeObservation): string {
  const { preventive, generative } = o.state;
  if (o.cue === 'preventive') return `${firstPerson(preventive.belief)} ${firstPerson(preventive.desire)}`;
  if (o.cue === 'generative-belief') return `You may have a point, but I have a concern: ${firstPerson(generative.belief)}`;
  if (o.cue === 'generative-desire') return `That helps, but ${firstPerson(generative.desire).replace(/\.$/, '')}; can it really give me that?`;
  return '';
}

function persuadee(name: string, finalStance: Stance, description: string): PersuasionStrategy {
  return {
    metadata: { name, stochastic: false, memoryDepth: Infinity, source: `${SOURCE}: ${description}` },
    decide(o) {
      if (o.role !== 'persuadee') throw new Error(`${name} plays the persuadee seat, got a ${o.role} observation`);
      if (o.cue === 'final') {
        const text = finalStance === 'generative' ? `All right, I will ${o.scenario.generative}.` : `Thanks, but I will still ${o.scenario.preventive}.`;
        return { type: 'reply', message: text, stance: finalStance };
      }
      return { type: 'reply', message: voice(o), stance: o.cue === 'preventive' || finalStance === 'preventive' ? 'preventive' : 'undecided' };
    },
  };
}

/** Voices its state when cued, grows undecided after the first attack, and takes the target at the end. */
export const concedingPersuadee = persuadee('conceding-persuadee', 'generative', 'voices each cued point and concedes at the end');
/** Voices its state when cued but never leaves its original plan. */
export const stubbornPersuadee = persuadee('stubborn-persuadee', 'preventive', 'voices each cued point and never moves');

/** The persuadee's replies, oldest first. */
function replies(dialogue: DialogueLine[]): string[] {
  return dialogue.filter((l) => l.speaker === 'persuadee').map((l) => l.text);
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter(Boolean);
}

/** Guesses each revealed dimension from the reply in which the protocol asks the persuadee to voice it. */
export function guessFromDialogue(o: PersuaderObservation): Prediction {
  const said = replies(o.dialogue);
  const first = sentences(said[0] ?? '');
  const guess: Record<Dimension, string | undefined> = {
    'preventive.belief': first[0],
    'preventive.desire': first[1] ?? first[0],
    'generative.belief': said[1],
    'generative.desire': said[2],
  };
  const pick = (d: Dimension) => (o.revealed.includes(d) && guess[d]) || 'unknown';
  return {
    preventive: { belief: pick('preventive.belief'), desire: pick('preventive.desire') },
    generative: { belief: pick('generative.belief'), desire: pick('generative.desire') },
  };
}

/**
 * Opens with its stance and a "why", predicts from what it heard, then attacks the belief by refuting it
 * (cycles 0 and 1) and the desire by diverting to the generative option (later cycles), as spec 8.1 lays out.
 */
export const echoPersuader: PersuasionStrategy = {
  metadata: { name: 'echo-persuader', stochastic: false, memoryDepth: Infinity, source: `${SOURCE}: guesses from the persuadee's own words` },
  decide(o) {
    if (o.role !== 'persuader') throw new Error(`echo-persuader plays the persuader seat, got a ${o.role} observation`);
    const s = o.scenario;
    if (o.step === 'open') return { type: 'open', message: `Hi ${s.persuadee}, I think you should ${s.generative}. Why do you prefer to ${s.preventive}?` };
    const prediction = o.step === 'predict' ? guessFromDialogue(o) : (o.lastPrediction ?? UNKNOWN_PREDICTION);
    if (o.step === 'predict') return { type: 'predict', prediction };
    const point: Attitude = o.cycle <= 1 ? 'belief' : 'desire';
    const tactic = point === 'belief' ? 'refute' : 'divert';
    const message =
      tactic === 'refute'
        ? `I hear you, but I do not think that holds up; many people who ${s.generative} found it worked out well.`
        : `I understand, and to ${s.generative} can give you that just as well, if not better.`;
    return { type: 'attack', prediction, point, tactic, message };
  },
};

function verdict(f1: number, threshold: number): string {
  if (f1 >= threshold) return 'on target';
  if (f1 >= threshold / 2) return 'partly right; sharpen it to the one main point';
  return 'off; listen again to the reason they gave';
}

/**
 * The observer as a rule: grades each revealed dimension of the prediction from the game's token F1 and
 * says which ones to revise, never repeating the persuadee's words (the game rejects feedback that does).
 */
export const truthObserver: PersuasionStrategy = {
  metadata: { name: 'truth-observer', stochastic: false, memoryDepth: 0, source: `${SOURCE}: grades predictions by token F1` },
  decide(o) {
    if (o.role !== 'observer') throw new Error(`truth-observer plays the observer seat, got a ${o.role} observation`);
    const obs = o as ObserverObservation;
    const lines = obs.revealed.map((d) => `${d.replace('.', ' ')}: ${verdict(obs.f1[d] ?? 0, obs.threshold)}.`);
    const allRight = obs.revealed.every((d) => (obs.f1[d] ?? 0) >= obs.threshold);
    return { type: 'feedback', feedback: `${lines.join(' ')} ${allRight ? 'No changes needed.' : 'Revise the guesses that are off; keep each to one point.'}` };
  },
};

export const persuasionStrategies = {
  'conceding-persuadee': concedingPersuadee,
  'stubborn-persuadee': stubbornPersuadee,
  'echo-persuader': echoPersuader,
  'truth-observer': truthObserver,
} as const;
