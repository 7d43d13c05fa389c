// Double-blind through the real engine (roles, prompts, model stack, trace): the persuadee's private state
// never reaches the persuader's prompts, the persuader's guesses and plans never reach the persuadee's, and
// the observer sees both. An observer that quotes the truth is rejected and repaired before anyone hears it.
import { describe, expect, it } from 'vitest';
import type { ModelRequest } from '../../../src/models/model.js';
import { runScripted } from '../../helpers/scripted-experiment.js';
import { hikeScenario } from './play-persuasion.js';

const config = {
  game: 'persuasion',
  params: { scenario: hikeScenario, cycles: 3 },
  agents: [{ id: 'tom' }, { id: 'david' }, { id: 'coach' }],
};
const secrets = [hikeScenario.preventive.belief, hikeScenario.preventive.desire, hikeScenario.generative.belief, hikeScenario.generative.desire];
const GUESS = 'GUESS-MARK they like quiet places';

function lastUser(request: ModelRequest): string {
  return [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

/** Answers by step (read from the requested JSON shape). `reveal`: the persuadee says its belief aloud. */
function answers(options: { reveal?: boolean; coachQuotesFirst?: boolean } = {}) {
  return (request: ModelRequest): string => {
    const user = lastUser(request);
    const guess = { belief: GUESS, desire: GUESS };
    if (user.startsWith('Your previous answer could not be used')) return JSON.stringify({ type: 'feedback', feedback: 'Listen for what they expect of the place and the day.' });
    if (user.includes('"type": "open"')) return JSON.stringify({ type: 'open', message: 'How about the museum? Why the hike?' });
    if (user.includes('"type": "reply"')) {
      const message = options.reveal ? `Well, ${hikeScenario.preventive.belief}` : 'PERSUADEE-LINE I have my reasons.';
      return JSON.stringify({ type: 'reply', message, stance: 'undecided' });
    }
    if (user.includes('"type": "predict"')) return JSON.stringify({ type: 'predict', prediction: { preventive: guess, generative: guess } });
    if (user.includes('"type": "attack"')) return JSON.stringify({ type: 'attack', prediction: { preventive: guess, generative: guess }, point: 'desire', tactic: 'divert', message: 'The museum has a garden too.' });
    const feedback = options.coachQuotesFirst ? `They told you: ${hikeScenario.preventive.belief}` : 'Listen for what they expect of the place.';
    return JSON.stringify({ type: 'feedback', feedback });
  };
}

describe('persuasion through the engine: double-blind prompts (spec 8.1)', () => {
  it('keeps each side\'s private state out of the other side\'s prompts; the observer sees both', async () => {
    const { run, prompts, events } = await runScripted(config, answers());
    expect(run.status).toBe('completed');
    const tom = prompts.get('tom')!.join('\n');
    const david = prompts.get('david')!.join('\n');
    const coach = prompts.get('coach')!.join('\n');
    // 1 open + 3 x (predict + attack) persuader calls, 4 persuadee replies, 3 feedbacks
    expect([prompts.get('tom')!.length, prompts.get('david')!.length, prompts.get('coach')!.length]).toEqual([7, 4, 3]);
    for (const secret of secrets) {
      expect(tom).not.toContain(secret);
      expect(david).toContain(secret); // control: the owner is shown its state
      expect(coach).toContain(secret); // the observer sees the truth
    }
    expect(david).not.toContain('GUESS-MARK');
    expect(david).not.toMatch(/refute|divert|tactic|coach/i);
    expect(coach).toContain('GUESS-MARK');
    expect(tom).toContain('PERSUADEE-LINE'); // what the persuadee says does reach the persuader
    const privateMessages = events.filter((e) => e.type === 'message' && e.channel === 'private:tom,coach');
    expect(privateMessages.map((e) => e.type === 'message' && [e.from, e.to])).toEqual([
      ['tom', ['coach']], ['coach', ['tom']], ['tom', ['coach']], ['coach', ['tom']], ['tom', ['coach']], ['coach', ['tom']],
    ]);
    // the guess [guess, mark, like, quiet, place] shares "quiet" with the preventive belief [trail, quiet, weekday]:
    // F1 = 2(1/5)(1/3)/(1/5 + 1/3) = 1/4 in each of the 3 cycles; the other 6 scored dimensions are 0 -> (3/4)/9
    expect(run.metrics['prediction-f1-after-feedback']).toBeCloseTo(1 / 12, 12);
    expect(run.metrics['prediction-f1.preventive-belief']).toBeCloseTo(1 / 4, 12);
    expect(run.metrics).toMatchObject({ turns: 8, cycles: 3, 'final-stance': 0.5, 'moved-to-target': 0 });
  });

  it('detects a leak: what the persuadee chooses to say does appear in the persuader\'s prompts', async () => {
    const { prompts } = await runScripted(config, answers({ reveal: true }));
    expect(prompts.get('tom')!.join('\n')).toContain(hikeScenario.preventive.belief);
  });

  it('rejects an observer that quotes the truth and repairs it before the persuader hears anything', async () => {
    const { run, prompts, events } = await runScripted(config, answers({ coachQuotesFirst: true }));
    expect(run.invalid.illegal).toBe(3);
    expect(run.invalid.repaired).toBe(3);
    for (const secret of secrets) expect(prompts.get('tom')!.join('\n')).not.toContain(secret);
    const fromCoach = events.filter((e) => e.type === 'message' && e.from === 'coach').map((e) => e.type === 'message' && e.content);
    expect(fromCoach).toEqual(Array(3).fill('Listen for what they expect of the place and the day.'));
  });
});
