// Entry point for writing the generated test models (used by tests, the bench and `polis model make-tiny`).
import { DESIGNED_SIZES, designedModelContent } from './designed-model.js';
import { writeGguf } from './gguf-writer.js';
import { llamaParameterCount, type LlamaSizes } from './llama-gguf-content.js';
import { RANDOM_SIZES, randomModelContent } from './random-model.js';
import { buildSpmVocab } from './spm-vocab.js';

export interface MakeTinyModelOptions {
  /** `designed`: closed-form next-token distribution; `random`: seeded random weights. @default 'random' */
  kind?: 'designed' | 'random';
  /** Random weights' seed. @default 1 */
  seed?: number;
  /** Store matrices as f16 (random model only). @default false */
  f16?: boolean;
  /** Random model sizes; missing fields use RANDOM_SIZES. */
  sizes?: Partial<LlamaSizes>;
  /** Vocabulary size: padded with unused tokens above the learned vocabulary (~405). @default no padding */
  vocab?: number;
  /** Merges learned for the tokenizer. @default 150 */
  merges?: number;
}

export interface TinyModelInfo {
  file: string;
  bytes: number;
  kind: 'designed' | 'random';
  sizes: LlamaSizes;
  vocabSize: number;
  parameters: number;
}

export function makeTinyModel(file: string, options: MakeTinyModelOptions = {}): TinyModelInfo {
  const kind = options.kind ?? 'random';
  const vocab = buildSpmVocab({ merges: options.merges ?? 150, size: options.vocab ?? 0 });
  if (kind === 'designed') {
    const content = designedModelContent(vocab);
    const bytes = writeGguf(file, content);
    return { file, bytes, kind, sizes: DESIGNED_SIZES, vocabSize: vocab.tokens.length, parameters: llamaParameterCount(DESIGNED_SIZES, vocab.tokens.length) };
  }
  const sizes = { ...RANDOM_SIZES, ...options.sizes };
  const content = randomModelContent({ vocab, sizes, seed: options.seed ?? 1, type: options.f16 ? 'f16' : 'f32' });
  const bytes = writeGguf(file, content);
  return { file, bytes, kind, sizes, vocabSize: vocab.tokens.length, parameters: llamaParameterCount(sizes, vocab.tokens.length) };
}
