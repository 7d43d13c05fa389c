// Writes the generated models once per test file into a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTinyModel } from '../../src/local-models/gguf/make-tiny-model.js';

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
