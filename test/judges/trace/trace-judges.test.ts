// LLM-driven credit over dialogue turns and process steps, with in-test models and a fake Scorer.
import { describe, expect, it } from 'vitest';
import type { Scorer } from '../../../src/local-models/scorer.js';
import { scoreStepsWithGenPrm } from '../../../src/judges/process/genprm.js';
import { implicitPrmFromScorers, implicitPrmRewards, implicitStepRewards } from '../../../src/judges/process/implicit-prm.js';
import { segmentSteps, type Turn } from '../../../src/judges/process/segment.js';
import { turnInformationGain } from '../../../src/judges/trace/information-gain.js';
import { creditSubgoals, subgoalCredit } from '../../../src/judges/trace/subgoal-credit.js';
import { attributeUtterances } from '../../../src/judges/trace/utterance-attribution.js';
import { fnClient, lastUser } from '../helpers/fn-client.js';

const turns: Turn[] = [
  { index: 0, seq: 4, time: 0, agent: 'alice', text: 'Could I borrow your car on Friday?' },
  { index: 1, seq: 5, time: 1, agent: 'bob', text: 'What for?' },
  { index: 2, seq: 6, time: 2, agent: 'alice', text: 'My mother is in hospital; I will fill the tank.' },
  { index: 3, seq: 7, time: 3, agent: 'bob', text: 'Fine, take it.' },
];

describe('Sotopia-RL attribution over a dialogue', () => {
  it('turns per-utterance attributions into r = (a/S)·D_d', async () => {
    const client = fnClient((req) =>
      lastUser(req).includes('Dimension: goal') ? { attributions: [{ index: 0, score: 1 }, { index: 2, score: 3 }] } : { attributions: [{ index: 0, score: -1 }, { index: 2, score: 7 }] },
    );
    const out = await attributeUtterances({ turns, agent: 'alice', goal: 'borrow the car', episodeScores: { goal: 9, relationship: 3 } }, { client });
    expect(out.rewards).toEqual([
      { seq: 4, turn: 0, dimension: 'goal', attribution: 1, reward: 3 }, // 1/3 · 9
      { seq: 6, turn: 2, dimension: 'goal', attribution: 3, reward: 9 },
      { seq: 4, turn: 0, dimension: 'relationship', attribution: -1, reward: -1 },
      { seq: 6, turn: 2, dimension: 'relationship', attribution: 3, reward: 3 }, // 7 clamped to 3
    ]);
    expect(out.clamped).toBe(1);
    expect(out.calls).toBe(2);
    expect(client.requests[0]?.call).toMatchObject({ agentId: 'judge:sotopia-attribution', purpose: 'judge' });
  });
});

describe('subgoal credit', () => {
  it('splits each subgoal’s 1/S evenly among its achieving turns', () => {
    // 2 subgoals → 0.5 each; the first achieved by turns 0 and 2 (0.25 each), the second by turn 3
    expect(subgoalCredit([{ description: 'ask', achievedBy: [0, 2] }, { description: 'agree', achievedBy: [3, 3, 9] }], 4)).toEqual([0.25, 0, 0.25, 0.5]);
    expect(subgoalCredit([{ description: 'never', achievedBy: [] }], 2)).toEqual([0, 0]);
  });
  it('asks the model for subgoals', async () => {
    const client = fnClient(() => ({ subgoals: [{ description: 'give a reason', achievedBy: [2] }] }));
    const r = await creditSubgoals('Alice wants the car', turns, { client });
    expect(r.credit).toEqual([0, 0, 1, 0]);
  });
});

/** A fake Scorer: log P(answer | prompt) = −1 per turn of history missing from a 4-turn dialogue. */
const fakeScorer: Scorer = {
  modelId: 'fake',
  async score(requests) {
    return requests.map((r) => {
      const prompt = typeof r.prompt === 'string' ? r.prompt : r.prompt.map((m) => m.content).join('\n');
      const lines = prompt.split('\n').filter((l) => /^(alice|bob):/.test(l)).length;
      const total = -(4 - lines) - (prompt.includes('hospital') ? 0 : 1);
      return { tokens: ['x'], logprobs: [total], total, mean: total };
    });
  },
};

describe('per-turn information gain', () => {
  it('IG_t = log P(a*|h_t) − log P(a*|h_{t−1})', async () => {
    // values over histories of 0..4 turns: −5, −4, −3, −1, 0 (the hospital turn adds 1 extra)
    expect(await turnInformationGain(turns, { scorer: fakeScorer, answer: 'yes' })).toEqual([1, 1, 2, 1]);
  });
  it('probability measure', async () => {
    const ig = await turnInformationGain(turns.slice(0, 1), { scorer: fakeScorer, answer: 'yes', measure: 'prob' });
    expect(ig[0]).toBeCloseTo(Math.exp(-4) - Math.exp(-5), 12);
  });
});

describe('process rewards', () => {
  it('GenPRM votes over k critiques', async () => {
    const steps = segmentSteps('x = 2\n\ny = x + 1 = 4\n\nso the answer is 4');
    const client = fnClient((req) => ({ incorrectSteps: [[1, 2], [1], [2]][req.call?.replicate ?? 0] ?? [] }));
    const r = await scoreStepsWithGenPrm('find y', steps, { client, k: 3 });
    expect(r.incorrectSteps).toEqual([1, 2]); // step 1: 2 of 3, step 2: 2 of 3
    expect(r.stepScores).toEqual([1, 0, 0]);
    const strict = await scoreStepsWithGenPrm('find y', steps, { client, k: 3, vote: 'intersection' });
    expect(strict.incorrectSteps).toEqual([]);
  });

  it('implicit PRM: β·(log π_φ − log π_ref), per token, whole, and per step', async () => {
    // PRIME β = 0.05: [−1 − (−1.5), −2 − (−1)]·0.05 = [0.025, −0.05]
    const r = implicitPrmRewards([-1, -2], [-1.5, -1]);
    expect(r[0]).toBeCloseTo(0.025, 12);
    expect(r[1]).toBeCloseTo(-0.05, 12);
    expect(implicitPrmRewards([-1, -2], [-1.5, -1], { granularity: 'whole' })[1]).toBeCloseTo(-0.025, 12);
    expect(implicitStepRewards([1, 2, 3], [2, 1])).toEqual([3, 3]);
    expect(() => implicitPrmRewards([1], [1, 2])).toThrow(/tokenize alike/);
    const prm: Scorer = { modelId: 'p', score: async (rs) => rs.map(() => ({ tokens: ['a', 'b'], logprobs: [-1, -2], total: -3, mean: -1.5 })) };
    const ref: Scorer = { modelId: 'r', score: async (rs) => rs.map(() => ({ tokens: ['a', 'b'], logprobs: [-2, -2], total: -4, mean: -2 })) };
    const out = await implicitPrmFromScorers(prm, ref, { prompt: 'q', continuation: 'ab' }, { beta: 1 });
    expect(out.rewards).toEqual([1, 0]);
    expect(out.outcome).toBe(1);
  });
});
