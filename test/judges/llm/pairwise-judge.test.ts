// Position swap: a judge that always prefers the first response shown is caught.
import { describe, expect, it } from 'vitest';
import { createPairwiseJudge, positionInconsistencyRate } from '../../../src/judges/llm/pairwise-judge.js';
import { fnClient, lastUser } from '../helpers/fn-client.js';

describe('pairwise judge with position swap', () => {
  it('flags a first-position-biased judge on every pair', async () => {
    const client = fnClient(() => ({ preference: 'A' }));
    const judge = createPairwiseJudge({ client, name: 'biased' });
    const results = await Promise.all([
      judge.judge({ prompt: 'p1', a: 'short', b: 'long and careful' }),
      judge.judge({ prompt: 'p2', a: 'x', b: 'y' }),
    ]);
    expect(results.every((r) => r.inconsistent && r.preference === 'tie')).toBe(true);
    expect(results[0]?.orders).toEqual({ ab: 'A', ba: 'B' });
    expect(positionInconsistencyRate(results)).toBe(1);
    // both orders were really asked, with distinct call positions
    expect(client.requests.map((r) => r.call?.position).sort()).toEqual([0, 0, 1, 1]);
  });

  it('agrees with a consistent judge', async () => {
    // prefers whichever response mentions "careful", wherever it is shown
    const client = fnClient((req) => {
      const text = lastUser(req);
      return { preference: text.indexOf('careful') < text.indexOf('Response B') ? 'A' : 'B' };
    });
    const judge = createPairwiseJudge({ client });
    const r1 = await judge.judge({ prompt: 'p', a: 'careful answer', b: 'sloppy answer' });
    const r2 = await judge.judge({ prompt: 'p', a: 'sloppy answer', b: 'careful answer' });
    expect([r1.preference, r2.preference]).toEqual(['A', 'B']);
    expect(positionInconsistencyRate([r1, r2])).toBe(0);
    expect(r1.scores.a).toBe(1);
  });
});
