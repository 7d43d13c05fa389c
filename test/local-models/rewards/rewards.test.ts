import { describe, expect, it } from 'vitest';
import {
  FOLLOW_UPS,
  FOLLOW_UP_CATEGORIES,
  agreementProbability,
  followUpLikelihoodReward,
  implicitPrmReward,
  informationGain,
  likelihoodReward,
} from '../../../src/local-models/rewards/index.js';
import type { ChatMessage } from '../../../src/models/model.js';
import { TableScorer, promptKey } from './table-scorer.js';

describe('likelihood reward (spec 13.6: R(z) = log π(a* | p, z))', () => {
  const scorer = new TableScorer('t', { 'Q: 2+2?\nI add 2 and 2.\n→4': [Math.log(0.5), Math.log(0.8)] });
  const input = { prompt: 'Q: 2+2?\n', reasoning: 'I add 2 and 2.', answer: '4' };

  it.each([
    // hand table: log 0.5 + log 0.8 = log 0.4
    ['logprob', Math.log(0.4)],
    ['prob', 0.4],
    ['mean-logprob', Math.log(0.4) / 2],
    ['mean-prob', (0.5 + 0.8) / 2],
  ] as const)('%s variant = %d', async (variant, expected) => {
    const r = await likelihoodReward(scorer, input, { variant });
    expect(r.reward).toBeCloseTo(expected, 12);
    expect(r.logprob).toBeCloseTo(Math.log(0.4), 12);
  });

  it('continues the assistant turn after the reasoning for chat prompts', async () => {
    const chat = new TableScorer('t', {}, () => [-1]);
    await likelihoodReward(chat, { prompt: [{ role: 'user', content: 'Q' }], reasoning: 'z', answer: 'a' });
    expect(chat.requests[0]).toEqual({ prompt: [{ role: 'user', content: 'Q' }, { role: 'assistant', content: 'z\n' }], continuation: 'a' });
  });
});

describe('follow-up likelihood reward (spec 13.7, FLR)', () => {
  const dialogue: ChatMessage[] = [{ role: 'user', content: 'Help me.' }, { role: 'assistant', content: 'Sure.' }];
  const prompt = promptKey([...dialogue, { role: 'user', content: '' }]);

  it('is mean positive minus mean negative mean-token log-prob, per category and averaged', async () => {
    const followUps = { understanding: { positive: ['p1', 'p2'], negative: ['n1'] }, relevance: { positive: ['p3'], negative: ['n2', 'n3'] } };
    const scorer = new TableScorer('t', {
      [`${prompt}→p1`]: [-1, -3], // mean -2
      [`${prompt}→p2`]: [-4], // mean -4
      [`${prompt}→n1`]: [-5, -7], // mean -6
      [`${prompt}→p3`]: [-2],
      [`${prompt}→n2`]: [-1],
      [`${prompt}→n3`]: [-3],
    });
    const r = await followUpLikelihoodReward(scorer, dialogue, { categories: ['understanding', 'relevance'], followUps });
    // understanding: mean(-2, -4) - (-6) = 3; relevance: -2 - mean(-1, -3) = 0; reward = 1.5
    expect(r.categories.understanding).toEqual({ positive: -3, negative: -6, score: 3 });
    expect(r.categories.relevance).toEqual({ positive: -2, negative: -2, score: 0 });
    expect(r.reward).toBe(1.5);
  });

  it('has at least 5 positive and 5 negative follow-ups of our own in each of the 6 categories', async () => {
    expect(FOLLOW_UP_CATEGORIES).toEqual(['understanding', 'relevance', 'correctness', 'engagingness', 'informativeness', 'following']);
    for (const c of FOLLOW_UP_CATEGORIES) {
      expect(FOLLOW_UPS[c].positive.length).toBeGreaterThanOrEqual(5);
      expect(FOLLOW_UPS[c].negative.length).toBeGreaterThanOrEqual(5);
    }
    const scorer = new TableScorer('t', {}, () => [-1]);
    const r = await followUpLikelihoodReward(scorer, dialogue);
    expect(scorer.requests).toHaveLength(60);
    expect(r.reward).toBe(0);
  });

  it('rejects a dialogue that does not end with the response', async () => {
    await expect(followUpLikelihoodReward(new TableScorer('t', {}), [{ role: 'user', content: 'x' }])).rejects.toThrow(/assistant/);
  });
});

describe('per-turn information gain (spec 13.5: IG_t = P(a*|h_t) − P(a*|h_{t−1}))', () => {
  const scorer = new TableScorer('t', { 'h0→42': [Math.log(0.1)], 'h1→42': [Math.log(0.4)], 'h2→42': [Math.log(0.3)] });
  it('prob variant: differences of probabilities', async () => {
    const r = await informationGain(scorer, ['h0', 'h1', 'h2'], '42');
    expect(r.gains[0]).toBeCloseTo(0.3, 12);
    expect(r.gains[1]).toBeCloseTo(-0.1, 12);
    expect(r.probabilities[1]).toBeCloseTo(0.4, 12);
  });
  it('logprob variant: log-ratios', async () => {
    const r = await informationGain(scorer, ['h0', 'h1', 'h2'], '42', { variant: 'logprob' });
    expect(r.gains[0]).toBeCloseTo(Math.log(4), 12);
    expect(r.gains[1]).toBeCloseTo(Math.log(0.75), 12);
  });
});

describe('implicit PRM (spec 13.2, PRIME: r_t = β·(log π_φ − log π_ref), β = 0.05)', () => {
  it('gives per-token β·q and their sum as the outcome', async () => {
    const policy = new TableScorer('policy', { 'x→a b c': [-1, -2, -0.5] });
    const reference = new TableScorer('ref', { 'x→a b c': [-2, -1, -0.5] });
    const r = await implicitPrmReward(policy, reference, { prompt: 'x', continuation: 'a b c' });
    expect(r.logRatios).toEqual([1, -1, 0]);
    expect(r.rewards.map((x) => Number(x.toFixed(12)))).toEqual([0.05, -0.05, 0]);
    expect(r.outcome).toBeCloseTo(0, 12);
    const r2 = await implicitPrmReward(policy, reference, { prompt: 'x', continuation: 'a b c' }, { beta: 1 });
    expect(r2.outcome).toBeCloseTo(0, 12);
    expect(r2.rewards).toEqual([1, -1, 0]);
  });
  it('refuses scorers that tokenize differently', async () => {
    const policy = new TableScorer('policy', { 'x→a b': [-1, -2] });
    const reference = new TableScorer('ref', { 'x→a b': [-1] });
    await expect(implicitPrmReward(policy, reference, { prompt: 'x', continuation: 'a b' })).rejects.toThrow(/tokenize/);
  });
});

describe('self-estimated agreement P("Yes")', () => {
  it('reports raw P(Yes), P(No) and the normalised P(Yes)/(P(Yes)+P(No))', async () => {
    const scorer = new TableScorer('t', { 'Agree?→Yes': [Math.log(0.3)], 'Agree?→No': [Math.log(0.1)] });
    const r = await agreementProbability(scorer, 'Agree?');
    expect(r.pYes).toBeCloseTo(0.3, 12);
    expect(r.pNo).toBeCloseTo(0.1, 12);
    expect(r.agreement).toBeCloseTo(0.75, 12);
  });
  it('does not underflow when both answers are very unlikely', async () => {
    const scorer = new TableScorer('t', { 'q→Yes': [-800], 'q→No': [-800 - Math.log(3)] });
    const r = await agreementProbability(scorer, 'q');
    expect(r.pYes).toBe(0);
    expect(r.agreement).toBeCloseTo(0.75, 12);
  });
});
