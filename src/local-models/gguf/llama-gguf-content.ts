// Assembles the metadata and tensor list of a `llama`-architecture GGUF from sizes, a vocabulary and a
// weight function. Both generated models (designed and random) go through here.
import type { GgufContent, GgufTensorSource } from './gguf-writer.js';
import type { GgmlTypeName, GgufValue } from './gguf-types.js';
import type { SpmVocab } from './spm-vocab.js';

export interface LlamaSizes {
  /** Embedding width (n_embd). */
  embd: number;
  /** Transformer blocks. */
  layers: number;
  /** Attention heads; must divide `embd`. */
  heads: number;
  /** Feed-forward width (n_ff). */
  ff: number;
  /** Training context length written to the file, in tokens. */
  context: number;
}

/** A simple chat template (Jinja) so node-llama-cpp can render chats; each turn ends with `</s>`. */
export const TINY_CHAT_TEMPLATE =
  "{% for message in messages %}{{ '<|' + message['role'] + '|>\\n' + message['content'] + eos_token + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% endif %}";

export const RMS_EPS = 1e-5;

/** The weights of one tensor, given its name and ggml dims (ne0 first). */
export type WeightFunction = (name: string, dims: readonly number[]) => Float32Array;

export interface LlamaGgufOptions {
  sizes: LlamaSizes;
  vocab: SpmVocab;
  weights: WeightFunction;
  /** Element type of the matrices (norm vectors are always f32). @default 'f32' */
  type?: GgmlTypeName;
  /** general.name. */
  name: string;
  chatTemplate?: string;
}

export function llamaTensorShapes(sizes: LlamaSizes, vocabSize: number): Array<[name: string, dims: number[]]> {
  const { embd: e, ff, layers } = sizes;
  const shapes: Array<[string, number[]]> = [['token_embd.weight', [e, vocabSize]]];
  for (let i = 0; i < layers; i++) {
    const b = `blk.${i}.`;
    shapes.push(
      [`${b}attn_norm.weight`, [e]], [`${b}attn_q.weight`, [e, e]], [`${b}attn_k.weight`, [e, e]],
      [`${b}attn_v.weight`, [e, e]], [`${b}attn_output.weight`, [e, e]], [`${b}ffn_norm.weight`, [e]],
      [`${b}ffn_gate.weight`, [e, ff]], [`${b}ffn_up.weight`, [e, ff]], [`${b}ffn_down.weight`, [ff, e]],
    );
  }
  shapes.push(['output_norm.weight', [e]], ['output.weight', [e, vocabSize]]);
  return shapes;
}

export function llamaGgufContent(options: LlamaGgufOptions): GgufContent {
  const { sizes, vocab } = options;
  if (sizes.embd % sizes.heads !== 0) throw new RangeError(`embd ${sizes.embd} must be divisible by heads ${sizes.heads}`);
  const u32 = (value: number): GgufValue => ({ type: 'uint32', value });
  const type = options.type ?? 'f32';
  const metadata: Array<[string, GgufValue]> = [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: options.name }],
    ['general.alignment', u32(32)],
    ['general.file_type', u32(type === 'f32' ? 0 : 1)],
    ['llama.context_length', u32(sizes.context)],
    ['llama.embedding_length', u32(sizes.embd)],
    ['llama.block_count', u32(sizes.layers)],
    ['llama.feed_forward_length', u32(sizes.ff)],
    ['llama.attention.head_count', u32(sizes.heads)],
    ['llama.attention.head_count_kv', u32(sizes.heads)],
    ['llama.rope.dimension_count', u32(sizes.embd / sizes.heads)],
    ['llama.rope.freq_base', { type: 'float32', value: 10000 }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'float32', value: RMS_EPS }],
    ['llama.vocab_size', u32(vocab.tokens.length)],
    ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'array', itemType: 'string', value: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: 'array', itemType: 'float32', value: vocab.scores }],
    ['tokenizer.ggml.token_type', { type: 'array', itemType: 'int32', value: vocab.types }],
    ['tokenizer.ggml.unknown_token_id', u32(vocab.unk)],
    ['tokenizer.ggml.bos_token_id', u32(vocab.bos)],
    ['tokenizer.ggml.eos_token_id', u32(vocab.eos)],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
    ['tokenizer.chat_template', { type: 'string', value: options.chatTemplate ?? TINY_CHAT_TEMPLATE }],
  ];
  const tensors: GgufTensorSource[] = llamaTensorShapes(sizes, vocab.tokens.length).map(([name, dims]) => ({
    name,
    dims,
    type: dims.length === 1 ? 'f32' : type,
    data: () => options.weights(name, dims),
  }));
  return { metadata, tensors };
}

/** Parameter count of a model with these sizes. */
export const llamaParameterCount = (sizes: LlamaSizes, vocabSize: number): number =>
  llamaTensorShapes(sizes, vocabSize).reduce((n, [, dims]) => n + dims.reduce((a, b) => a * b, 1), 0);
