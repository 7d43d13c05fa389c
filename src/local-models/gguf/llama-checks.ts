// What llama.cpp needs before it will load a model without aborting: hyper-parameter keys (for every
// architecture) and, for arch `llama`, every tensor with the shape the hyper-parameters imply.
// Missing `feed_forward_length` or `head_count` makes llama.cpp hit a GGML_ASSERT that kills the process.
import { InputError } from '../../core/errors/input-error.js';
import type { GgufHeader, GgufMetadataValue } from './gguf-reader.js';

/** Hyper-parameters of a `llama`-family model, read from its metadata. */
export interface LlamaHyperParameters {
  architecture: string;
  contextLength: number;
  embeddingLength: number;
  blockCount: number;
  feedForwardLength: number;
  headCount: number;
  headCountKv: number;
  vocabSize: number;
}

const positive = (v: GgufMetadataValue | undefined): boolean =>
  typeof v === 'number' ? Number.isInteger(v) && v > 0 : Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && x > 0);

export function checkLlamaModel(header: GgufHeader): LlamaHyperParameters {
  const { metadata: m, file } = header;
  const fail = (message: string, field?: string): never => {
    throw new InputError(message, field === undefined ? { file } : { file, field });
  };
  const arch = m['general.architecture'];
  if (typeof arch !== 'string' || arch === '') fail('missing required key general.architecture (string)', 'general.architecture');
  const a = arch as string;
  for (const key of ['context_length', 'embedding_length', 'block_count', 'feed_forward_length', 'attention.head_count']) {
    const full = `${a}.${key}`;
    if (!positive(m[full])) fail(`missing or non-positive required key ${full}`, full);
  }
  if (typeof m['tokenizer.ggml.model'] !== 'string') fail('missing required key tokenizer.ggml.model (string)', 'tokenizer.ggml.model');
  const tokens = m['tokenizer.ggml.tokens'];
  if (!Array.isArray(tokens) || tokens.length === 0 || tokens.some((t) => typeof t !== 'string')) {
    fail('missing required key tokenizer.ggml.tokens (non-empty string array)', 'tokenizer.ggml.tokens');
  }
  const vocab = (tokens as string[]).length;
  for (const key of ['tokenizer.ggml.token_type', 'tokenizer.ggml.scores']) {
    const v = m[key];
    if (v !== undefined && (!Array.isArray(v) || v.length !== vocab)) fail(`${key} must have one entry per token (${vocab})`, key);
  }
  for (const key of ['tokenizer.ggml.bos_token_id', 'tokenizer.ggml.eos_token_id', 'tokenizer.ggml.unknown_token_id']) {
    const v = m[key];
    if (v !== undefined && (typeof v !== 'number' || v < 0 || v >= vocab)) fail(`${key} = ${String(v)} is not a token id below ${vocab}`, key);
  }
  const num = (key: string): number => {
    const v = m[`${a}.${key}`];
    return typeof v === 'number' ? v : Array.isArray(v) ? Number(v[0]) : Number.NaN;
  };
  const hp: LlamaHyperParameters = {
    architecture: a,
    contextLength: num('context_length'),
    embeddingLength: num('embedding_length'),
    blockCount: num('block_count'),
    feedForwardLength: num('feed_forward_length'),
    headCount: num('attention.head_count'),
    headCountKv: m[`${a}.attention.head_count_kv`] === undefined ? num('attention.head_count') : num('attention.head_count_kv'),
    vocabSize: vocab,
  };
  if (a === 'llama') checkLlamaTensors(header, hp, fail);
  return hp;
}

function checkLlamaTensors(header: GgufHeader, hp: LlamaHyperParameters, fail: (message: string, field?: string) => never): void {
  const m = header.metadata;
  if (typeof m['llama.attention.layer_norm_rms_epsilon'] !== 'number') {
    fail('missing required key llama.attention.layer_norm_rms_epsilon (f32)', 'llama.attention.layer_norm_rms_epsilon');
  }
  const { embeddingLength: e, headCount: h, headCountKv: hkv, feedForwardLength: ff, vocabSize: v } = hp;
  if (e % h !== 0) fail(`llama.embedding_length ${e} is not divisible by llama.attention.head_count ${h}`);
  if (h % hkv !== 0) fail(`llama.attention.head_count ${h} is not divisible by head_count_kv ${hkv}`);
  const headDim = e / h;
  const rope = m['llama.rope.dimension_count'];
  if (rope !== undefined && rope !== headDim) fail(`llama.rope.dimension_count ${String(rope)} must equal the head size ${headDim}`);
  const expected = new Map<string, number[]>([['token_embd.weight', [e, v]], ['output_norm.weight', [e]]]);
  for (let i = 0; i < hp.blockCount; i++) {
    const b = `blk.${i}.`;
    expected.set(`${b}attn_norm.weight`, [e]);
    expected.set(`${b}attn_q.weight`, [e, h * headDim]);
    expected.set(`${b}attn_k.weight`, [e, hkv * headDim]);
    expected.set(`${b}attn_v.weight`, [e, hkv * headDim]);
    expected.set(`${b}attn_output.weight`, [h * headDim, e]);
    expected.set(`${b}ffn_norm.weight`, [e]);
    expected.set(`${b}ffn_gate.weight`, [e, ff]);
    expected.set(`${b}ffn_up.weight`, [e, ff]);
    expected.set(`${b}ffn_down.weight`, [ff, e]);
  }
  const present = new Map(header.tensors.map((t) => [t.name, t.dims]));
  const optional = new Map<string, number[]>([['output.weight', [e, v]]]);
  for (const [name, dims] of [...expected, ...optional]) {
    const got = present.get(name);
    if (!got) {
      if (optional.has(name)) continue;
      // a fused QKV tensor replaces the three projections
      if (/attn_[qkv]\.weight$/.test(name) && present.has(name.replace(/attn_[qkv]/, 'attn_qkv'))) continue;
      fail(`missing tensor ${name} (shape [${dims.join(', ')}])`, name);
    }
    if (got.length !== dims.length || got.some((d, i) => d !== dims[i])) {
      fail(`tensor ${name} has shape [${got.join(', ')}], expected [${dims.join(', ')}] from the hyper-parameters`, name);
    }
  }
}
