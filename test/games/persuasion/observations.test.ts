// Double-blind at the game level: every observation of every seat at every step, checked for the other
// side's private strings; the observer's feedback may not quote the truth.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { quotedDimension, type PersuasionAction } from '../../../src/games/persuasion/index.js';
import { hikeGame, hikeScenario, SEATS } from './play-persuasion.js';

const SECRET_GUESS = 'GUESS-7f3a the persuadee secretly loves maps';
const privateStrings = [hikeScenario.preventive.belief, hikeScenario.preventive.desire, hikeScenario.generative.belief, hikeScenario.generative.desire];

/** Plays with fixed innocuous lines and a marked guess, collecting every seat's observation at every step. */
function allObservations(): Record<string, string[]> {
  const game = hikeGame();
  const rng = Rng.fromSeed(3);
  let state = game.init(rng);
  const seen: Record<string, string[]> = { tom: [], david: [], coach: [] };
  const guess = { belief: SECRET_GUESS, desire: SECRET_GUESS };
  const moves: Record<string, PersuasionAction> = {
    open: { type: 'open', message: 'Shall we do something else?' },
    reply: { type: 'reply', message: 'Maybe.', stance: 'undecided' },
    predict: { type: 'predict', prediction: { preventive: guess, generative: guess } },
    feedback: { type: 'feedback', feedback: 'Listen for what they expect of the place.' },
    attack: { type: 'attack', prediction: { preventive: guess, generative: guess }, point: 'desire', tactic: 'divert', message: 'It would be fun.' },
  };
  for (let phase = game.phase(state); phase; phase = game.phase(state)) {
    for (const agent of SEATS) seen[agent]!.push(JSON.stringify(game.observe(state, agent)));
    state = game.apply(state, new Map([[phase.agents[0]!, moves[phase.label!]!]]), rng).state;
  }
  return seen;
}

describe('persuasion observations', () => {
  const seen = allObservations();

  it('never show the persuader the persuadee\'s beliefs, desires or stance', () => {
    const tom = seen.tom!.join('\n');
    for (const secret of privateStrings) expect(tom).not.toContain(secret);
    expect(tom).not.toContain('stance');
  });

  it('never show the persuadee the persuader\'s guesses, point or tactic', () => {
    const david = seen.david!.join('\n');
    expect(david).not.toContain('GUESS-7f3a');
    expect(david).not.toMatch(/divert|tactic/);
    // the control: the persuadee does see its own state
    for (const secret of privateStrings) expect(david).toContain(secret);
  });

  it('show the observer both the truth and the guess', () => {
    const coach = seen.coach!.join('\n');
    for (const secret of privateStrings) expect(coach).toContain(secret);
    expect(coach).toContain('GUESS-7f3a');
  });
});

describe('observer feedback guard', () => {
  const game = hikeGame();
  const atFeedback = () => {
    let state = game.init(Rng.fromSeed(1));
    for (let i = 0; i < 3; i++) state = game.apply(state, new Map([[game.phase(state)!.agents[0]!, game.defaultAction(state)]]), Rng.fromSeed(1)).state;
    expect(state.step).toBe('feedback');
    return state;
  };

  it('rejects feedback that repeats the private belief, and accepts a hint', () => {
    const state = atFeedback();
    expect(game.legality(state, 'coach', { type: 'feedback', feedback: 'They said the trail is quiet on weekdays.' })).toMatch(/preventive belief/);
    expect(game.legality(state, 'coach', { type: 'feedback', feedback: 'Think about when the trail is busy.' })).toBeUndefined();
    expect(game.legality(state, 'tom', { type: 'open', message: 'hi' })).toMatch(/expected a "feedback" action/);
  });

  it('counts a run of min(4, length) content words as a quote', () => {
    // generative desire [learn, something, new]: all three in a row quote it; two do not
    expect(quotedDimension('you could learn something new there', hikeScenario)).toBe('generative.desire');
    expect(quotedDimension('learn something', hikeScenario)).toBeUndefined();
  });
});
