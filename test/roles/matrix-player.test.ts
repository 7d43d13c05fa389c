// The repeated-games prompt protocol (spec §2): rules from each player's side, one history line per round,
// options in the round's drawn order, the choice question, and free-text answers parsed to a label.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AgentView } from '../../src/agents/agent.js';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import { Rng } from '../../src/core/rng.js';
import { battleOfTheSexes, prisonersDilemmaAkata } from '../../src/games/matrix/matrix-definitions.js';
import type { MatrixGame } from '../../src/games/matrix/matrix-game.js';
import type { MatrixObservation, MatrixState } from '../../src/games/matrix/matrix-state.js';
import { matrixPlayer, parseOption } from '../../src/roles/matrix-player.js';

const agent = { id: 'ann', role: 'matrix-player' } as unknown as AgentView;
const schema = z.enum(['J', 'F']);

function setup(definition = battleOfTheSexes, params: Record<string, unknown> = {}, seed = 1) {
  const game = definition.create(definition.params.parse(params), ['ann', 'bob']) as MatrixGame;
  const rng = Rng.fromSeed(seed);
  let state: MatrixState = game.init(rng);
  const step = (a: string, b: string) => {
    state = game.apply(state, new Map([['ann', a], ['bob', b]]), rng).state;
  };
  const prompt = (who: 'ann' | 'bob') => matrixPlayer.render({ agent, observation: game.observe(state, who), schema });
  const text = (who: 'ann' | 'bob') => prompt(who).map((m) => m.content).join('\n');
  return { game, step, prompt, text, observe: (who: 'ann' | 'bob') => game.observe(state, who) };
}

describe('rules', () => {
  it("are stated from each player's own side, one line per outcome", () => {
    const { prompt } = setup();
    const [annSystem] = prompt('ann');
    const [bobSystem] = prompt('bob');
    expect(annSystem?.role).toBe('system');
    expect(annSystem?.content).toContain('repeated 10 times');
    expect(annSystem?.content).toContain('- If you pick Option J and the other player picks Option J: you get 10 points and the other player gets 7 points.');
    expect(bobSystem?.content).toContain('- If you pick Option J and the other player picks Option J: you get 7 points and the other player gets 10 points.');
    expect(bobSystem?.content).toContain('- If you pick Option F and the other player picks Option F: you get 10 points and the other player gets 7 points.');
    expect(annSystem?.content.match(/^- If you pick/gm)).toHaveLength(4);
  });
});

describe('history and question', () => {
  it('starts with no history and asks the choice question', () => {
    const { text } = setup();
    expect(text('ann')).toContain('No rounds have been played yet.');
    expect(text('ann')).toContain('Round 1 is about to be played.');
    expect(text('ann')).toContain('Question: Which option do you choose, Option J or Option F?');
  });

  it('adds one line per past round from the reader’s side', () => {
    const { step, text } = setup();
    step('J', 'F');
    step('F', 'F');
    expect(text('ann')).toContain(
      'In round 1, you picked Option J and the other player picked Option F, so you got 0 points and the other player got 0 points.\n' +
        'In round 2, you picked Option F and the other player picked Option F, so you got 7 points and the other player got 10 points.',
    );
    expect(text('bob')).toContain('In round 1, you picked Option F and the other player picked Option J, so you got 0 points');
    expect(text('bob')).toContain('In round 2, you picked Option F and the other player picked Option F, so you got 10 points and the other player got 7 points.');
    expect(text('ann')).toContain('Round 3 is about to be played.');
  });
});

describe('shuffled option order', () => {
  it('follows the order the game drew, reproducibly by seed', () => {
    const questions = (seed: number) => {
      const { step, text } = setup(prisonersDilemmaAkata, {}, seed);
      const seen: string[] = [];
      for (let r = 0; r < 10; r++) {
        seen.push(/Which option do you choose, (.*)\?/.exec(text('ann'))?.[1] ?? '');
        step('J', 'J');
      }
      return seen;
    };
    expect(questions(3)).toEqual(questions(3));
    expect(new Set(questions(3))).toEqual(new Set(['Option J or Option F', 'Option F or Option J']));
    expect(questions(3)).not.toEqual(questions(4));
  });

  it('orders the rule lines by the drawn order too', () => {
    const { observe, text } = setup(prisonersDilemmaAkata, {}, 2);
    const first = observe('ann').options[0];
    expect(text('ann')).toMatch(new RegExp(`:\\n- If you pick Option ${first} and the other player picks Option ${first}:`));
  });
});

describe('predict-then-act', () => {
  it('asks for a prediction first, then the choice given that prediction', () => {
    const { step, text } = setup(prisonersDilemmaAkata, { variant: 'predict-then-act', shuffle: false });
    expect(text('ann')).toContain('Question: Which option do you predict the other player will choose in round 1, Option J or Option F?');
    step('F', 'J');
    expect(text('ann')).toContain('You predicted that the other player will pick Option F in this round');
    expect(text('ann')).toContain('Question: Which option do you choose, Option J or Option F?');
    expect(matrixPlayer.templates).toEqual(['matrix-player', 'matrix-predict']);
  });
});

describe('parsing answers', () => {
  const obs = { labels: ['J', 'F'] } as unknown as MatrixObservation;
  it.each([
    ['J', 'J'],
    [' F', 'F'],
    ['Option F', 'F'],
    ['I choose option J because it pays more', 'J'],
    ['F.', 'F'],
    ['Option: J', 'J'],
  ])('reads %j as %s', (text, expected) => {
    expect(matrixPlayer.parse(text, schema, obs)).toBe(expected);
  });

  it('takes the first valid label', () => {
    expect(parseOption('J, no wait, F', ['J', 'F'])).toBe('J');
  });

  it('does not read single-letter labels from ordinary words', () => {
    expect(() => parseOption('a fine choice', ['A', 'B'])).toThrow(InvalidActionError);
  });

  it('throws an unparsable InvalidActionError when no label appears', () => {
    try {
      matrixPlayer.parse('I would rather not say', schema, obs);
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidActionError);
      expect((error as InvalidActionError).kind).toBe('unparsable');
      expect((error as InvalidActionError).raw).toBe('I would rather not say');
    }
  });

  it('shows the error on a repair attempt', () => {
    const { game } = setup();
    const messages = matrixPlayer.render({
      agent,
      observation: game.observe(game.init(Rng.fromSeed(1)), 'ann'),
      schema,
      feedback: { kind: 'unparsable', error: 'no option label' },
    });
    expect(messages.at(-1)?.content).toContain('no option label');
  });
});
