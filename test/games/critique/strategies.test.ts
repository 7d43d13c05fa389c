// Offline strategies on generated arithmetic: a critic that recomputes discriminates perfectly and turns
// every slip into wrong->correct; a lenient critic approves the slips, which stay wrong.
import { describe, expect, it } from 'vitest';
import { critiqueDefinition, type CritiqueState } from '../../../src/games/critique/index.js';
import { driveGame } from '../metrics/drive-game.js';

function run(critic: string) {
  const params = critiqueDefinition.params.parse({ count: 60 });
  const game = critiqueDefinition.create(params, ['actor', 'critic']);
  const s = critiqueDefinition.strategies!;
  const { state } = driveGame<CritiqueState>(game, (a) => (a === 'actor' ? s['noisy-actor']! : s[critic]!), 9);
  return { m: game.metrics(state), state };
}

describe('critique strategies', () => {
  it('a computing critic: discrimination 1, every wrong attempt corrected', () => {
    const { m, state } = run('computing-critic');
    const wrong = state.log.filter((e) => !e.firstAttemptCorrect).length;
    expect(wrong).toBeGreaterThan(10); // the noisy actor slips 40% of the time
    expect(m).toMatchObject({ 'discrimination-accuracy': 1, 'wrong-to-correct-count': wrong, 'wrong-to-wrong-count': 0, 'correct-to-wrong-count': 0, 'accuracy-after': 1 });
  });

  it('a lenient critic: right on correct attempts only, slips stay wrong', () => {
    const { m, state } = run('lenient-critic');
    const wrong = state.log.filter((e) => !e.firstAttemptCorrect).length;
    expect(m).toMatchObject({ 'discrimination-on-correct': 1, 'discrimination-on-wrong': 0, 'wrong-to-wrong-count': wrong, 'wrong-to-correct-count': 0, delta: 0 });
  });
});
