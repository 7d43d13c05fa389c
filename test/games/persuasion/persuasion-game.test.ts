// The spec 8.1 protocol on a synthetic scenario with scripted seats: order of turns and channels, who
// sees what, and the metrics against hand-computed token F1 values.
import { describe, expect, it } from 'vitest';
import type { Strategy } from '../../../src/games/definition.js';
import { concedingPersuadee, echoPersuader, guessFromDialogue, stubbornPersuadee, truthObserver, type PersuasionAction, type PersuasionObservation } from '../../../src/games/persuasion/index.js';
import { hikeGame, playPersuasion } from './play-persuasion.js';

const seats = (persuadee: Strategy = concedingPersuadee as Strategy): Record<string, Strategy> => ({
  tom: echoPersuader as Strategy,
  david: persuadee,
  coach: truthObserver as Strategy,
});

describe('persuasion protocol (spec 8.1)', () => {
  it('plays open, reply, then predict -> feedback -> attack -> reply per cycle, predictions on the private channel', () => {
    const { phases, state } = playPersuasion(hikeGame({ cycles: 2 }), seats());
    const cycle = [
      ['tom', 'predict', 'private:tom,coach'],
      ['coach', 'feedback', 'private:tom,coach'],
      ['tom', 'attack', 'public'],
      ['david', 'reply', 'public'],
    ];
    expect(phases).toEqual([['tom', 'open', 'public'], ['david', 'reply', 'public'], ...cycle, ...cycle]);
    expect(state.dialogue.map((l) => l.speaker)).toEqual(['persuader', 'persuadee', 'persuader', 'persuadee', 'persuader', 'persuadee']);
  });

  it('cues the persuadee to voice its preventive reasons, then its generative belief, then its generative desire', () => {
    const { state } = playPersuasion(hikeGame(), seats());
    const replies = state.dialogue.filter((l) => l.speaker === 'persuadee').map((l) => l.text);
    expect(replies).toEqual([
      'I believe that the trail is quiet on weekdays. I want to get fresh air.',
      'You may have a point, but I have a concern: I believe that the museum is crowded.',
      'That helps, but I want to learn something new; can it really give me that?',
      'All right, I will visit the museum.',
    ]);
    expect(state.stances).toEqual(['preventive', 'undecided', 'undecided', 'generative']);
    expect(state.attacks).toEqual([
      { cycle: 0, option: 'preventive', point: 'belief', tactic: 'refute' },
      { cycle: 1, option: 'generative', point: 'belief', tactic: 'refute' },
      { cycle: 2, option: 'generative', point: 'desire', tactic: 'divert' },
    ]);
  });

  // Hand-computed token F1 (SQuAD-style, content words): the echo guesses for the preventive belief and desire
  // are exact (F1 1); the generative belief guess "You may have a point, but I have a concern: I believe that the
  // museum is crowded." has content words [point, concern, museum, crowded] vs [museum, crowded]: P 1/2, R 1,
  // F1 2/3; the generative desire guess has [help, learn, something, new, really, give] vs [learn, something, new]:
  // P 1/2, R 1, F1 2/3. After-feedback scores: cycle 0 {1, 1}, cycle 1 {1, 1, 2/3}, cycle 2 {1, 1, 2/3, 2/3}.
  it('scores predictions per dimension and the persuadee\'s move to the target', () => {
    const { state } = playPersuasion(hikeGame(), seats());
    const m = hikeGame().metrics(state);
    expect(m).toMatchObject({ turns: 8, cycles: 3, 'final-stance': 1, 'stance-shift': 1, 'moved-to-target': 1, 'prediction-accuracy': 1, 'feedback-gain': 0 });
    expect(m['prediction-f1.preventive-belief']).toBe(1);
    expect(m['prediction-f1.preventive-desire']).toBe(1);
    expect(m['prediction-f1.generative-belief']).toBeCloseTo(2 / 3, 12);
    expect(m['prediction-f1.generative-desire']).toBeCloseTo(2 / 3, 12);
    expect(m['prediction-f1-after-feedback']).toBeCloseTo(8 / 9, 12);
    expect(m['refute-share']).toBeCloseTo(2 / 3, 12);
    expect(hikeGame().payoffs(state)).toEqual({ tom: 1, david: 0, coach: 0 });
  });

  it('counts a 2/3 guess as wrong under a 0.7 threshold, and the observer says so without quoting', () => {
    const game = hikeGame({ threshold: 0.7 });
    const { state } = playPersuasion(game, seats());
    const m = game.metrics(state);
    expect(m['prediction-accuracy.generative-belief']).toBe(0);
    expect(m['prediction-accuracy.preventive-belief']).toBe(1);
    expect(m['prediction-accuracy']).toBeCloseTo(6 / 9, 12);
    const feedback = state.coaching.filter((c) => c.from === 'observer').map((c) => c.text);
    expect(feedback[0]).toBe('preventive belief: on target. preventive desire: on target. No changes needed.');
    expect(feedback[1]).toContain('generative belief: partly right');
    expect(feedback[1]).not.toMatch(/crowded/i);
  });

  it('a stubborn persuadee stays put: no move to the target', () => {
    const game = hikeGame();
    const m = game.metrics(playPersuasion(game, seats(stubbornPersuadee as Strategy)).state);
    expect(m).toMatchObject({ 'final-stance': 0, 'stance-shift': 0, 'moved-to-target': 0 });
  });

  it('measures what the feedback changed: blind first guesses, echo guesses when attacking', () => {
    const unknown = { belief: 'unknown', desire: 'unknown' };
    const blindThenEcho: Strategy<PersuasionObservation, PersuasionAction> = {
      metadata: { ...echoPersuader.metadata, name: 'blind-then-echo' },
      decide(o, rng) {
        const a = echoPersuader.decide(o, rng);
        if (a.type === 'predict') return { type: 'predict', prediction: { preventive: unknown, generative: unknown } };
        if (a.type === 'attack' && o.role === 'persuader') return { ...a, prediction: guessFromDialogue(o) };
        return a;
      },
    };
    const game = hikeGame();
    const m = game.metrics(playPersuasion(game, { ...seats(), tom: blindThenEcho as Strategy }).state);
    expect(m['prediction-f1-before-feedback']).toBe(0);
    expect(m['prediction-f1-after-feedback']).toBeCloseTo(8 / 9, 12);
    expect(m['feedback-gain']).toBeCloseTo(8 / 9, 12);
  });
});
