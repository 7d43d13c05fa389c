import { describe, expect, it } from 'vitest';
import { designedModelContent, designedModelLogprobs } from '../../../src/local-models/gguf/designed-model.js';

describe('the designed model', () => {
  it('has identity blocks: attention output and FFN down weights are zero', () => {
    const content = designedModelContent();
    for (const t of content.tensors.filter((x) => /attn_output|ffn_down/.test(x.name))) {
      expect(t.data().every((v) => v === 0)).toBe(true);
    }
  });

  it('gives a normalised next-token distribution that differs per token', () => {
    const a = designedModelLogprobs(300);
    const b = designedModelLogprobs(301);
    expect(a.reduce((s, lp) => s + Math.exp(lp), 0)).toBeCloseTo(1, 12);
    const argmax = (x: Float64Array) => x.indexOf(Math.max(...x));
    expect(Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number))))).toBeGreaterThan(0.5);
    // spread of a few nats: neither flat nor one-hot
    expect(a[argmax(a)]!).toBeGreaterThan(Math.log(1 / a.length));
    expect(a[argmax(a)]!).toBeLessThan(-0.1);
  });
});
