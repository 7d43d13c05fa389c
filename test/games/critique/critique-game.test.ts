// Actor/critic refinement (spec 9) with a scripted actor and critic, scored against hand-computed
// Critique-RL numbers (Xi et al., arXiv 2510.24320; WooooDyy/Critique-RL@06283864a725):
// Stage I r = ±1 for a right/wrong (or missing) verdict; Stage II r = r_help + 0.2 when right, −1 otherwise.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import type { Strategy } from '../../../src/games/definition.js';
import { createCritiqueGame, critiqueParamsSchema, type CritiqueObservation, type CritiqueState } from '../../../src/games/critique/index.js';
import { driveGame } from '../metrics/drive-game.js';

const verdict = (v: string) => `Step 1 checked.\nCorrectness of the final answer: ${v}`;
/** problem, reference, first attempt, critique, refinement -> expected transition */
const table = [
  { question: 'What is 2 + 3?', answer: '5', attempt: '2 + 3 = \\boxed{5}', critique: verdict('Correct'), refinement: '\\boxed{5}' }, // c->c, verdict right
  { question: 'What is 4 × 6?', answer: '24', attempt: '\\boxed{26}', critique: verdict('Wrong'), refinement: '4 × 6 = \\boxed{24}' }, // w->c, right
  { question: 'What is 9 - 7?', answer: '2', attempt: '\\boxed{2}', critique: verdict('Wrong'), refinement: '\\boxed{3}' }, // c->w, wrong verdict
  { question: 'What is the capital of France?', answer: 'Paris', attempt: '\\boxed{Lyon}', critique: 'Hard to say.', refinement: '\\boxed{Lyon}' }, // w->w, no verdict
];

function scripted(): Strategy {
  return {
    metadata: { name: 'table', stochastic: false, memoryDepth: 0, source: 'test' },
    decide(o: unknown) {
      const obs = o as CritiqueObservation;
      const row = table[obs.index]!;
      if (obs.kind === 'answer') return { solution: row.attempt };
      if (obs.kind === 'critique') return { critique: row.critique };
      return { solution: row.refinement };
    },
  };
}

function play(params: Record<string, unknown>) {
  const problems = table.map(({ question, answer }) => ({ question, answer }));
  const game = createCritiqueGame(critiqueParamsSchema.parse({ problems, ...params }), ['actor', 'critic']);
  return { game, ...driveGame<CritiqueState>(game, scripted) };
}

describe('actor/critic refinement', () => {
  it('scores every episode with the Critique-RL stage rewards', () => {
    const { state } = play({ helpfulness: 'r_correct' });
    expect(state.log.map((e) => [e.verdict, e.transition, e.stageOneReward, e.stageTwoReward])).toEqual([
      ['correct', 'correct->correct', 1, 0.2 + 0.2],
      ['wrong', 'wrong->correct', 1, 1 + 0.2],
      ['wrong', 'correct->wrong', -1, -1],
      [null, 'wrong->wrong', -1, -1],
    ]);
  });

  it('reports discrimination, the four transitions, Δ and mean stage rewards', () => {
    const { game, state } = play({ helpfulness: 'r_correct' });
    const m = game.metrics(state);
    expect(m).toMatchObject({
      episodes: 4,
      'discrimination-accuracy': 0.5, // episodes 1 and 2 right
      'discrimination-on-correct': 0.5, // of episodes 1, 3
      'discrimination-on-wrong': 0.5, // of episodes 2, 4
      'correct-to-correct': 0.25, 'correct-to-wrong': 0.25, 'wrong-to-correct': 0.25, 'wrong-to-wrong': 0.25,
      'correct-to-correct-count': 1, 'correct-to-wrong-count': 1, 'wrong-to-correct-count': 1, 'wrong-to-wrong-count': 1,
      'accuracy-before': 0.5, 'accuracy-after': 0.5, delta: 0, 'change-rate': 0.5,
      'mean-stage-one-reward': 0, 'missing-verdicts': 1,
    });
    expect(m['mean-stage-two-reward']).toBeCloseTo((0.4 + 1.2 - 1 - 1) / 4, 12); // −0.1
    // the summary keys are kebab-case (the rewards module's camelCase fields do not leak into summary.json)
    expect(Object.keys(m).sort()).toEqual([
      'accuracy-after', 'accuracy-before', 'change-rate', 'correct-to-correct', 'correct-to-correct-count',
      'correct-to-wrong', 'correct-to-wrong-count', 'delta', 'discrimination-accuracy', 'discrimination-on-correct',
      'discrimination-on-wrong', 'episodes', 'mean-stage-one-reward', 'mean-stage-two-reward', 'missing-verdicts',
      'wrong-to-correct', 'wrong-to-correct-count', 'wrong-to-wrong', 'wrong-to-wrong-count',
    ]);
    expect(game.payoffs(state)).toEqual({ actor: 2, critic: expect.closeTo(-0.4, 12) });
  });

  it('pays the critic the stage and helpfulness mode chosen', () => {
    const refine = play({ helpfulness: 'r_refine' });
    expect(refine.game.payoffs(refine.state).critic).toBeCloseTo(1.2 + 1.2 - 2, 12);
    const delta = play({ helpfulness: 'r_delta' });
    expect(delta.game.payoffs(delta.state).critic).toBeCloseTo(0.2 + 1.2 - 2, 12);
    const stageOne = play({ stage: 'discrimination' });
    expect(stageOne.game.payoffs(stageOne.state).critic).toBe(0);
  });

  it('runs answer -> critique -> refine on the private channel, each message to the other seat only', () => {
    const { outcomes } = play({});
    const messages = outcomes.filter((o) => o.type === 'message').slice(0, 3);
    expect(messages).toEqual([
      { type: 'message', from: 'actor', to: ['critic'], channel: 'private:actor,critic', content: table[0]!.attempt },
      { type: 'message', from: 'critic', to: ['actor'], channel: 'private:actor,critic', content: table[0]!.critique },
      { type: 'message', from: 'actor', to: ['critic'], channel: 'private:actor,critic', content: table[0]!.refinement },
    ]);
  });

  it('never shows the reference answer to the actor or the critic', () => {
    const game = createCritiqueGame(critiqueParamsSchema.parse({ problems: [{ question: 'Name the largest planet.', answer: 'Jupiter' }] }), ['actor', 'critic']);
    const rng = Rng.fromSeed(1);
    let state = game.init(rng);
    const seen: string[] = [];
    for (const action of [{ solution: 'Saturn' }, { critique: verdict('Wrong') }, { solution: 'Saturn' }]) {
      const speaker = game.phase(state)!.agents[0]!;
      seen.push(JSON.stringify(game.observe(state, 'actor')), JSON.stringify(game.observe(state, 'critic')));
      state = game.apply(state, new Map([[speaker, action]]), rng).state;
    }
    expect(seen.join('\n')).toContain('Name the largest planet.');
    expect(seen.join('\n')).not.toContain('Jupiter');
  });

  it('draws arithmetic problems from the rng when none are given', () => {
    const params = critiqueParamsSchema.parse({ count: 5, maxOperand: 9, operators: ['*'] });
    const game = createCritiqueGame(params, ['a', 'c']);
    const a = game.init(Rng.fromSeed(4)).problems;
    expect(a).toHaveLength(5);
    for (const p of a) {
      const [, x, y] = /What is (\d) × (\d)\?/.exec(p.question)!;
      expect(p.answer).toBe(String(Number(x) * Number(y)));
    }
    expect(game.init(Rng.fromSeed(4)).problems).toEqual(a);
    expect(game.init(Rng.fromSeed(5)).problems).not.toEqual(a);
  });

  it('checks numeric answers numerically and text answers exactly', () => {
    const problems = [{ question: 'Half of 1?', answer: '0.5' }, { question: 'Largest planet?', answer: 'Jupiter' }];
    const game = createCritiqueGame(critiqueParamsSchema.parse({ problems }), ['a', 'c']);
    const { state } = driveGame<CritiqueState>(game, () => ({
      metadata: { name: 'fixed', stochastic: false, memoryDepth: 0, source: 'test' },
      decide: (o: unknown) => {
        const obs = o as CritiqueObservation;
        if (obs.kind === 'critique') return { critique: verdict('Correct') };
        return { solution: obs.index === 0 ? (obs.kind === 'answer' ? '\\boxed{\\frac{1}{2}}' : '50%') : obs.kind === 'answer' ? '\\boxed{jupiter.}' : 'Saturn' };
      },
    }));
    expect(state.log.map((e) => e.transition)).toEqual(['correct->correct', 'correct->wrong']);
  });
});
