// `polis model make-tiny` writes a generated GGUF (designed or random weights, not trained);
// `polis model inspect` prints a GGUF's metadata using our own reader (malformed file: exit 1).
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readGgufHeader, type GgufHeader } from '../../local-models/gguf/gguf-reader.js';
import { makeTinyModel } from '../../local-models/gguf/make-tiny-model.js';
import { CliExit, EXIT, type CliIo, type RegisterCommand } from '../command.js';

interface MakeTinyFlags {
  designed?: boolean;
  random?: boolean;
  seed?: string;
  f16?: boolean;
  embd?: string;
  layers?: string;
  heads?: string;
  ff?: string;
  vocab?: string;
  context?: string;
  json?: boolean;
}

function positiveInt(flag: string, value: string | undefined, allowZero = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new CliExit(EXIT.usage, `--${flag} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got '${value}'`);
  return n;
}

/** The summary `inspect` prints. */
export function describeGguf(h: GgufHeader) {
  const m = h.metadata;
  const arch = String(m['general.architecture']);
  const get = (key: string) => m[`${arch}.${key}`];
  const tokens = m['tokenizer.ggml.tokens'];
  const types: Record<string, number> = {};
  for (const t of h.tensors) types[t.type] = (types[t.type] ?? 0) + 1;
  return {
    file: h.file,
    bytes: h.fileSize,
    ggufVersion: h.version,
    architecture: arch,
    name: m['general.name'] ?? null,
    sizes: {
      context: get('context_length'), embedding: get('embedding_length'), layers: get('block_count'),
      heads: get('attention.head_count'), headsKv: get('attention.head_count_kv') ?? get('attention.head_count'),
      feedForward: get('feed_forward_length'),
    },
    tokenizer: {
      model: m['tokenizer.ggml.model'],
      vocabulary: Array.isArray(tokens) ? tokens.length : 0,
      bos: m['tokenizer.ggml.bos_token_id'] ?? null,
      eos: m['tokenizer.ggml.eos_token_id'] ?? null,
      chatTemplate: typeof m['tokenizer.chat_template'] === 'string',
    },
    parameters: h.tensors.reduce((n, t) => n + t.dims.reduce((a, b) => a * b, 1), 0),
    tensorTypes: types,
    tensors: h.tensors.map((t) => ({ name: t.name, type: t.type, dims: t.dims })),
  };
}

export const register: RegisterCommand = (program: Command, io: CliIo) => {
  const model = program.command('model').description('local GGUF models: generate tiny test models, inspect files');
  model
    .command('make-tiny <out>')
    .description('write a generated llama GGUF (weights are designed or random, NOT trained)')
    .option('--designed', 'closed-form next-token distribution (fixed sizes)')
    .option('--random', 'seeded random weights (default)')
    .option('--seed <n>', 'random seed', '1')
    .option('--f16', 'store matrices as f16 (random model)')
    .option('--embd <n>', 'embedding width').option('--layers <n>', 'transformer blocks').option('--heads <n>', 'attention heads')
    .option('--ff <n>', 'feed-forward width').option('--context <n>', 'training context length')
    .option('--vocab <n>', 'pad the vocabulary to this size')
    .option('--json', 'print one JSON document')
    .action((out: string, f: MakeTinyFlags) => {
      if (f.designed && f.random) throw new CliExit(EXIT.usage, 'choose one of --designed and --random');
      const sizes = Object.fromEntries(
        (['embd', 'layers', 'heads', 'ff', 'context'] as const).flatMap((k) => {
          const v = positiveInt(k, f[k]);
          return v === undefined ? [] : [[k, v]];
        }),
      );
      if (f.designed && (Object.keys(sizes).length > 0 || f.f16)) throw new CliExit(EXIT.usage, '--designed has fixed sizes and f32 weights: drop the size and --f16 flags');
      const seed = positiveInt('seed', f.seed, true) as number;
      let info;
      try {
        info = makeTinyModel(resolve(io.cwd, out), { kind: f.designed ? 'designed' : 'random', seed, f16: Boolean(f.f16), sizes, vocab: positiveInt('vocab', f.vocab) ?? 0 });
      } catch (error) {
        if (error instanceof RangeError) throw new CliExit(EXIT.usage, error.message);
        throw error;
      }
      if (f.json) io.stdout(`${JSON.stringify(info)}\n`);
      else io.stdout(`wrote ${info.file}: ${info.kind} llama, ${info.parameters} parameters, vocab ${info.vocabSize}, ${info.bytes} bytes (weights not trained)\n`);
    });
  model
    .command('inspect <file>')
    .description("print a GGUF file's metadata; a malformed file exits 1 naming the problem")
    .option('--json', 'print one JSON document')
    .action((file: string, f: { json?: boolean }) => {
      const d = describeGguf(readGgufHeader(resolve(io.cwd, file)));
      if (f.json) {
        io.stdout(`${JSON.stringify(d)}\n`);
        return;
      }
      const s = d.sizes;
      const t = d.tokenizer;
      io.stdout(
        `${d.file} (GGUF v${d.ggufVersion}, ${d.bytes} bytes)\n` +
          `  architecture: ${d.architecture}${d.name ? ` (${String(d.name)})` : ''}\n` +
          `  sizes: context ${String(s.context)}, embedding ${String(s.embedding)}, layers ${String(s.layers)}, heads ${String(s.heads)} (kv ${String(s.headsKv)}), feed-forward ${String(s.feedForward)}\n` +
          `  tokenizer: ${String(t.model)}, ${t.vocabulary} tokens, bos ${String(t.bos)}, eos ${String(t.eos)}, chat template ${t.chatTemplate ? 'yes' : 'no'}\n` +
          `  tensors: ${d.tensors.length} (${Object.entries(d.tensorTypes).map(([k, v]) => `${v} ${k}`).join(', ')}), ${d.parameters} parameters\n`,
      );
      for (const x of d.tensors) io.stdout(`    ${x.name} ${x.type} [${x.dims.join(', ')}]\n`);
    });
};
