// Writes the generated models once per test file into a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTinyModel } from '../../src/local-models/gguf/make-tiny-model.js';
import type { ScoreRequest } from '../../src/local-models/scorer.js';

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
