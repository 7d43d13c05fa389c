// A model whose next-token distribution is known in closed form. Attention output and FFN down weights
// are zero, so every block is the identity on the residual stream and, at any position,
//   logits = W_out · (rmsnorm(E[token]) ⊙ g)
// depends only on the current token. `designedModelLogprobs` computes the same log-softmax in JS from
// the very f32 weights written to the file, so llama.cpp's log-probs can be checked against it.
import { RMS_EPS, llamaGgufContent, type LlamaSizes } from './llama-gguf-content.js';
import type { GgufContent } from './gguf-writer.js';
import { buildSpmVocab, type SpmVocab } from './spm-vocab.js';

export const DESIGNED_SIZES: LlamaSizes = { embd: 32, layers: 1, heads: 2, ff: 64, context: 256 };

/** Embedding E[t][k]: smooth, bounded and distinct per token. */
const embedding = (t: number, k: number): number => Math.fround(Math.sin(1.3 * (t + 1) * (k + 1) + 0.1 * k));
/** Output head W[j][k]: amplitude 0.6 gives logits with a spread of a few nats. */
const head = (j: number, k: number): number => Math.fround(0.6 * Math.cos(0.9 * (j + 1) * (k + 1) + 0.5));
/** Output norm gain g[k]. */
const gain = (k: number): number => Math.fround(1 + 0.25 * Math.sin(k + 1));
/** Weights of the blocks that do not reach the residual stream: small, non-zero, harmless. */
const filler = (i: number): number => Math.fround(0.01 * Math.sin(i));

function designedWeights(name: string, dims: readonly number[]): Float32Array {
  const [n0, n1 = 1] = dims as [number, number?];
  const out = new Float32Array(n0 * n1);
  const fill = (f: (row: number, col: number) => number): Float32Array => {
    for (let r = 0; r < n1; r++) for (let c = 0; c < n0; c++) out[r * n0 + c] = f(r, c);
    return out;
  };
  if (name === 'token_embd.weight') return fill(embedding);
  if (name === 'output.weight') return fill(head);
  if (name === 'output_norm.weight') return fill((_, k) => gain(k));
  if (name.endsWith('_norm.weight')) return out.fill(1);
  if (name.endsWith('attn_output.weight') || name.endsWith('ffn_down.weight')) return out; // zero: identity blocks
  return fill((r, c) => filler(r * n0 + c));
}

export function designedModelContent(vocab: SpmVocab = buildSpmVocab(), sizes: LlamaSizes = DESIGNED_SIZES): GgufContent {
  return llamaGgufContent({ sizes, vocab, weights: designedWeights, type: 'f32', name: 'polis-designed' });
}

/**
 * The exact next-token log-probabilities of the designed model after `tokenId` (natural log, over the
 * whole vocabulary), in float64 from the f32 weights.
 */
export function designedModelLogprobs(tokenId: number, vocabSize = buildSpmVocab().tokens.length, embd = DESIGNED_SIZES.embd): Float64Array {
  let sumSq = 0;
  for (let k = 0; k < embd; k++) sumSq += embedding(tokenId, k) ** 2;
  const scale = 1 / Math.sqrt(sumSq / embd + Math.fround(RMS_EPS));
  const x = Array.from({ length: embd }, (_, k) => embedding(tokenId, k) * scale * gain(k));
  const logits = new Float64Array(vocabSize);
  let max = -Infinity;
  for (let j = 0; j < vocabSize; j++) {
    let s = 0;
    for (let k = 0; k < embd; k++) s += head(j, k) * (x[k] as number);
    logits[j] = s;
    if (s > max) max = s;
  }
  let z = 0;
  for (const l of logits) z += Math.exp(l - max);
  const logZ = max + Math.log(z);
  return logits.map((l) => l - logZ);
}
