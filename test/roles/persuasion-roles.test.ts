// The persuader, persuadee and persuasion-observer roles: each prompt shows its step's task and only the
// seat's own knowledge, and each reads one JSON action checked against the game's schema.
import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/agents/agent.js';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import { Rng } from '../../src/core/rng.js';
import { PersuasionGame, type PersuasionAction, type PersuasionState } from '../../src/games/persuasion/index.js';
import { persuadeeRole } from '../../src/roles/persuadee.js';
import { persuaderRole } from '../../src/roles/persuader.js';
import { persuasionObserverRole } from '../../src/roles/persuasion-observer.js';
import { hikeScenario } from '../games/persuasion/play-persuasion.js';

const memory = { kind: 'full' as const, add() {}, view: () => [], snapshot: () => null, restore() {} };
const view = (id: string, role: string): AgentView => ({ id, role, memory, persona: { name: id, traits: ['patient'], values: [] } });
const game = new PersuasionGame({ scenario: hikeScenario, agents: ['tom', 'david', 'coach'] });
const rng = Rng.fromSeed(1);
const guess = { belief: 'they enjoy calm paths', desire: 'they want to be outdoors' };

/** The state after playing `moves` in order (each by whoever speaks). */
function after(moves: PersuasionAction[]): PersuasionState {
  let state = game.init(rng);
  for (const move of moves) state = game.apply(state, new Map([[game.phase(state)!.agents[0]!, move]]), rng).state;
  return state;
}
const predicting = after([{ type: 'open', message: 'Museum instead?' }, { type: 'reply', message: 'The trail is lovely.', stance: 'preventive' }]);
const coaching = after([
  { type: 'open', message: 'Museum instead?' },
  { type: 'reply', message: 'The trail is lovely.', stance: 'preventive' },
  { type: 'predict', prediction: { preventive: guess, generative: { belief: 'unknown', desire: 'unknown' } } },
]);
const attacking = after([
  { type: 'open', message: 'Museum instead?' },
  { type: 'reply', message: 'The trail is lovely.', stance: 'preventive' },
  { type: 'predict', prediction: { preventive: guess, generative: { belief: 'unknown', desire: 'unknown' } } },
  { type: 'feedback', feedback: 'Your desire guess is close; think about the day of the week for the belief.' },
]);
const text = (messages: Array<{ content: string }>) => messages.map((m) => m.content).join('\n');

describe('persuaderRole', () => {
  const render = (state: PersuasionState) => text(persuaderRole.render({ agent: view('tom', 'persuader'), observation: game.observe(state, 'tom'), schema: game.actionSchema(state) }));

  it('opens with a stance and a why, predicts from the dialogue, and attacks after feedback', () => {
    const open = render(game.init(rng));
    expect(open).toContain('You are Tom');
    expect(open).toContain('ask David why they would rather go hiking');
    expect(open).toContain('{"type": "open"');
    const predict = render(predicting);
    expect(predict).toContain('David: The trail is lovely.');
    expect(predict).toContain('the preventive belief, the preventive desire');
    expect(predict).toContain('"type": "predict"');
    const attack = render(attacking);
    expect(attack).toContain('Coach: Your desire guess is close');
    expect(attack).toContain(`Your guess: ${JSON.stringify({ preventive: guess, generative: { belief: 'unknown', desire: 'unknown' } })}`);
    expect(attack).toContain('the preventive option (go hiking)');
    expect(attack).toMatch(/"tactic": "refute" \| "divert"/);
    for (const prompt of [open, predict, attack]) expect(prompt).not.toContain(hikeScenario.preventive.belief);
  });

  it('reads an attack and rejects a bad tactic as illegal, prose as unparsable', () => {
    const schema = game.actionSchema(attacking);
    const obs = game.observe(attacking, 'tom');
    const attack = { type: 'attack', prediction: { preventive: guess, generative: guess }, point: 'belief', tactic: 'divert', message: 'The museum is calm on weekdays too.' };
    expect(persuaderRole.parse('```json\n' + JSON.stringify(attack) + '\n```', schema, obs)).toEqual(attack);
    expect(() => persuaderRole.parse(JSON.stringify({ ...attack, tactic: 'flatter' }), schema, obs)).toThrow(InvalidActionError);
    expect(() => persuaderRole.parse('I would divert.', schema, obs)).toThrow(/expected one JSON object/);
  });
});

describe('persuadeeRole', () => {
  it('shows its own state and the cue for this reply, never the guesses', () => {
    const state = after([
      { type: 'open', message: 'Museum instead?' },
      { type: 'reply', message: 'The trail is lovely.', stance: 'preventive' },
      { type: 'predict', prediction: { preventive: guess, generative: guess } },
      { type: 'feedback', feedback: 'Close.' },
      { type: 'attack', prediction: { preventive: guess, generative: guess }, point: 'belief', tactic: 'refute', message: 'Weekends are busy.' },
    ]);
    const prompt = text(persuadeeRole.render({ agent: view('david', 'persuadee'), observation: game.observe(state, 'david'), schema: game.actionSchema(state) }));
    expect(prompt).toContain(hikeScenario.generative.belief);
    expect(prompt).toContain('Tom: Weekends are busy.');
    expect(prompt).toContain('voice your concern, the belief that holds you back from the idea to visit the museum');
    expect(prompt).toContain('Your stance so far: preventive');
    expect(prompt).not.toContain('calm paths');
    expect(prompt).not.toMatch(/refute|Close\./);
  });
});

describe('persuasionObserverRole', () => {
  it('shows the truth, the guess and its overlap scores, and asks for hints without quoting', () => {
    const prompt = text(persuasionObserverRole.render({ agent: view('coach', 'persuasion-observer'), observation: game.observe(coaching, 'coach'), schema: game.actionSchema(coaching) }));
    expect(prompt).toContain(hikeScenario.preventive.belief);
    expect(prompt).toContain('they enjoy calm paths');
    // "calm paths" shares no content word with [trail, quiet, weekday]; [outdoor] vs [get, fresh, air]: none
    expect(prompt).toContain('preventive belief 0.00, preventive desire 0.00');
    expect(prompt).toContain('WITHOUT repeating');
    expect(persuasionObserverRole.parse('{"type":"feedback","feedback":"Think about the day."}', game.actionSchema(coaching), game.observe(coaching, 'coach'))).toEqual({ type: 'feedback', feedback: 'Think about the day.' });
  });
});
