// The rewards on a real llama.cpp scorer: the designed model's closed form gives the expected values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designedModelLogprobs } from '../../../src/local-models/gguf/designed-model.js';
import { LlamaScorer } from '../../../src/local-models/llama-scorer.js';
import { loadLocalModel } from '../../../src/local-models/llama-runtime.js';
import { agreementProbability, followUpLikelihoodReward } from '../../../src/local-models/rewards/index.js';
import type { ChatMessage } from '../../../src/models/model.js';
import { writeTinyModels, type TinyModels } from '../tiny-models.js';

let models: TinyModels;
beforeAll(() => {
  models = writeTinyModels();
});
afterAll(() => models.cleanup());

describe('rewards on the designed model', () => {
  it('follow-up likelihood: each follow-up is scored as the next user turn, matching the closed form', async () => {
    const scorer = await LlamaScorer.create({ model: models.designed, parallel: 4 });
    const { model } = await loadLocalModel(models.designed);
    const dialogue: ChatMessage[] = [{ role: 'user', content: 'Can you split the bill?' }, { role: 'assistant', content: 'Yes: 12 coins each.' }];
    const followUps = { correctness: { positive: ['That checks out.', 'Right.'], negative: ['That is wrong.'] } };
    const r = await followUpLikelihoodReward(scorer, dialogue, { categories: ['correctness'], followUps });
    const prompt = scorer.promptTokens([...dialogue, { role: 'user', content: '' }]);
    // the open user turn ends with the template's user header
    expect(model.detokenize(prompt, true).endsWith('Yes: 12 coins each.</s> \n<|user|>\n')).toBe(true);
    expect(model.detokenize(prompt, true)).toContain('Yes: 12 coins each.');
    const analyticMean = (text: string): number => {
      const cont = model.tokenize(text, false, 'trimLeadingSpace');
      const all = [...prompt, ...cont];
      return cont.reduce((s, t, j) => s + designedModelLogprobs(all[prompt.length + j - 1]!)[t]!, 0) / cont.length;
    };
    const expected = (analyticMean('That checks out.') + analyticMean('Right.')) / 2 - analyticMean('That is wrong.');
    expect(r.reward).toBeCloseTo(expected, 4);
  });

  it('agreement: normalised P(Yes) from the closed form', async () => {
    const scorer = await LlamaScorer.create({ model: models.designed, parallel: 2 });
    const prompt: ChatMessage[] = [{ role: 'user', content: 'Do you agree to share? Answer Yes or No.' }];
    const r = await agreementProbability(scorer, prompt);
    const tokens = scorer.promptTokens(prompt);
    const { model } = await loadLocalModel(models.designed);
    const p = (word: string): number => {
      const cont = model.tokenize(word, false, 'trimLeadingSpace');
      const all = [...tokens, ...cont];
      return Math.exp(cont.reduce((s, t, j) => s + designedModelLogprobs(all[tokens.length + j - 1]!)[t]!, 0));
    };
    expect(r.pYes).toBeCloseTo(p('Yes'), 6);
    expect(r.agreement).toBeCloseTo(p('Yes') / (p('Yes') + p('No')), 4);
  });
});
