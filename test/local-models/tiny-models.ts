// Writes the generated models once per test file into a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { designedModelLogprobs } from '../../src/local-models/gguf/designed-model.js';
import { makeTinyModel } from '../../src/local-models/gguf/make-tiny-model.js';
import { loadLocalModel } from '../../src/local-models/llama-runtime.js';
import type { ScoreRequest, ScoreResult } from '../../src/local-models/scorer.js';

export interface TinyModels {
  dir: string;
  designed: string;
  random: string;
  cleanup: () => void;
}

export function writeTinyModels(): TinyModels {
  const dir = mkdtempSync(join(tmpdir(), 'polis-tiny-'));
  const designed = join(dir, 'designed.gguf');
  const random = join(dir, 'random.gguf');
  makeTinyModel(designed, { kind: 'designed' });
  makeTinyModel(random, { kind: 'random', seed: 7 });
  return { dir, designed, random, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Score requests both scorer paths are checked on: plain and chat prompts, shared prompts, an empty
 * continuation, and non-ASCII text. */
export const SCORE_REQUESTS: readonly ScoreRequest[] = [
  { prompt: 'The answer is', continuation: ' yes.' },
  { prompt: 'The answer is', continuation: ' no, I do not agree.' },
  { prompt: 'Do you want to cooperate?', continuation: ' I will cooperate if you cooperate with me.' },
  { prompt: [{ role: 'user', content: 'Offer a price for bread.' }], continuation: 'A fair trade: 3 coins. ü€' },
  { prompt: 'The answer is', continuation: '' },
  { prompt: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello,' }], continuation: ' friend' },
];

/**
 * `results` (for SCORE_REQUESTS, from a scorer on the designed model) equal the closed-form log-softmax of
 * the designed weights within 1e-4: every block is the identity, so the next-token distribution depends only
 * on the current token.
 */
export async function expectDesignedLogprobs(
  scorer: { promptTokens(prompt: ScoreRequest['prompt']): number[] },
  designed: string,
  results: readonly ScoreResult[],
): Promise<void> {
  const { model } = await loadLocalModel(designed);
  let checked = 0;
  SCORE_REQUESTS.forEach((r, i) => {
    const prompt = scorer.promptTokens(r.prompt);
    const cont = model.tokenize(r.continuation, false, 'trimLeadingSpace');
    const all = [...prompt, ...cont];
    const res = results[i]!;
    expect(res.logprobs).toHaveLength(cont.length);
    cont.forEach((target, j) => {
      const expected = designedModelLogprobs(all[prompt.length + j - 1]!)[target]!;
      expect(Math.abs(res.logprobs[j]! - expected)).toBeLessThan(1e-4);
      checked++;
    });
    expect(res.total).toBeCloseTo(res.logprobs.reduce((a, b) => a + b, 0), 10);
  });
  expect(checked).toBeGreaterThan(30);
  expect(results[4]).toEqual({ tokens: [], logprobs: [], total: 0, mean: 0 });
  expect(results[0]!.tokens.join('')).toBe(' yes.');
}
