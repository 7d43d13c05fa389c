import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlamaScorer } from '../../src/local-models/llama-scorer.js';
import { loadLocalModel } from '../../src/local-models/llama-runtime.js';
import { expectDesignedLogprobs, SCORE_REQUESTS, writeTinyModels, type TinyModels } from './tiny-models.js';

let models: TinyModels;
beforeAll(() => {
  models = writeTinyModels();
});
afterAll(() => models.cleanup());

const requests = SCORE_REQUESTS;

describe('LlamaScorer on the designed model', () => {
  it('equals the closed-form log-softmax of the designed weights within 1e-4', async () => {
    const scorer = await LlamaScorer.create({ model: models.designed, parallel: 4, threads: 1 });
    await expectDesignedLogprobs(scorer, models.designed, await scorer.score(requests));
  });
});

describe('LlamaScorer on the random model', () => {
  it('gives bit-identical scores batched with prefix reuse and one at a time (node-llama-cpp path)', async () => {
    const batched = await LlamaScorer.create({ model: models.random, parallel: 6, native: false });
    const single = await LlamaScorer.create({ model: models.random, parallel: 1, native: false });
    const together = await batched.score(requests);
    const alone = [];
    for (const r of requests) alone.push(...(await single.score([r])));
    expect(together).toEqual(alone);
  });

  it('matches a full log-softmax over the logits map', async () => {
    const scorer = await LlamaScorer.create({ model: models.random, parallel: 1 });
    const { model } = await loadLocalModel(models.random);
    const ctx = await model.createContext({ contextSize: 256, threads: 1, flashAttention: false });
    const seq = ctx.getSequence();
    const r = requests[2]!;
    const prompt = scorer.promptTokens(r.prompt);
    const cont = model.tokenize(r.continuation, false, 'trimLeadingSpace');
    const input = [...prompt, ...cont.slice(0, -1)];
    const out = await seq.controlledEvaluate(input.map((t) => [t, { generateNext: { logits: true } }]));
    const expected = cont.map((target, j) => {
      const logits = [...out[prompt.length - 1 + j]!.next.logits!.values()];
      const max = Math.max(...logits);
      const logZ = max + Math.log(logits.reduce((s, l) => s + Math.exp(l - max), 0));
      return out[prompt.length - 1 + j]!.next.logits!.get(target)! - logZ;
    });
    await ctx.dispose();
    const [got] = await scorer.score([r]);
    got!.logprobs.forEach((lp, j) => expect(Math.abs(lp - expected[j]!)).toBeLessThan(1e-5));
  });
});
