// A small random-weight llama model for exercising generation, grammars and throughput. The weights are
// seeded (one Rng stream per tensor, so sizes never shift another tensor's values) and NOT trained.
import { Rng } from '../../core/rng.js';
import { llamaGgufContent, type LlamaSizes } from './llama-gguf-content.js';
import type { GgufContent } from './gguf-writer.js';
import type { GgmlTypeName } from './gguf-types.js';
import type { SpmVocab } from './spm-vocab.js';

export const RANDOM_SIZES: LlamaSizes = { embd: 64, layers: 2, heads: 4, ff: 256, context: 512 };

export interface RandomModelOptions {
  vocab: SpmVocab;
  sizes?: LlamaSizes;
  /** @default 1 */
  seed?: number;
  /** @default 'f32' */
  type?: GgmlTypeName;
}

export function randomModelContent(options: RandomModelOptions): GgufContent {
  const root = Rng.fromSeed(options.seed ?? 1, 'random-model');
  const weights = (name: string, dims: readonly number[]): Float32Array => {
    const n = dims.reduce((a, b) => a * b, 1);
    const out = new Float32Array(n);
    if (dims.length === 1) return out.fill(1); // norm gains
    const rng = root.derive(name);
    // uniform with the std of a 1/sqrt(fan_in) init; the output head is scaled up so logits spread
    const std = (name === 'output.weight' ? 3 : 1) / Math.sqrt(dims[0] as number);
    const half = Math.sqrt(3) * std;
    for (let i = 0; i < n; i++) out[i] = (rng.next() * 2 - 1) * half;
    return out;
  };
  return llamaGgufContent({
    sizes: options.sizes ?? RANDOM_SIZES,
    vocab: options.vocab,
    weights,
    type: options.type ?? 'f32',
    name: 'polis-random',
  });
}
