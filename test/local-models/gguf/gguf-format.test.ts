import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromHalf, toHalf } from '../../../src/local-models/gguf/f16.js';
import { readGgufHeader } from '../../../src/local-models/gguf/gguf-reader.js';
import { encodeGgufHeader, tensorOffsets, writeGguf } from '../../../src/local-models/gguf/gguf-writer.js';
import { makeTinyModel } from '../../../src/local-models/gguf/make-tiny-model.js';
import { buildSpmVocab, learnMerges } from '../../../src/local-models/gguf/spm-vocab.js';

const dir = mkdtempSync(join(tmpdir(), 'polis-gguf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GGUF v3 layout (ggml gguf.cpp)', () => {
  it('writes magic, version 3, counts, a typed KV and aligned sequential tensor offsets', () => {
    const file = join(dir, 'small.gguf');
    const bytes = writeGguf(file, {
      metadata: [['general.architecture', { type: 'string', value: 'x' }], ['n', { type: 'uint32', value: 7 }]],
      tensors: [
        { name: 'a', dims: [3], type: 'f32', data: () => new Float32Array([1, 2, 3]) },
        { name: 'b', dims: [2, 2], type: 'f16', data: () => new Float32Array([0.5, -1, 2, 65504]) },
      ],
    });
    const buf = readFileSync(file);
    expect(buf.length).toBe(bytes);
    expect(buf.subarray(0, 4).toString('latin1')).toBe('GGUF');
    expect(buf.readUInt32LE(4)).toBe(3);
    expect(buf.readBigUInt64LE(8)).toBe(2n); // tensors
    expect(buf.readBigUInt64LE(16)).toBe(2n); // kvs
    const header = readGgufHeader(file, { validate: false });
    expect(header.metadata).toEqual({ 'general.architecture': 'x', n: 7 });
    expect(header.dataOffset % 32).toBe(0);
    // 3 f32 = 12 bytes, padded to 32: the second tensor starts at 32
    expect(header.tensors.map((t) => [t.name, t.type, t.offset])).toEqual([['a', 'f32', 0], ['b', 'f16', 32]]);
    expect(buf.readFloatLE(header.dataOffset + 8)).toBe(3);
    expect(fromHalf(buf.readUInt16LE(header.dataOffset + 32 + 6))).toBe(65504);
    expect(tensorOffsets([{ dims: [9], type: 'f32' }, { dims: [1], type: 'f16' }, { dims: [1], type: 'f32' }])).toEqual([0, 64, 96]);
  });

  it('converts to f16 with round-to-nearest-even (IEEE 754 binary16 table)', () => {
    const table: Array<[number, number]> = [
      [0, 0x0000], [1, 0x3c00], [-2, 0xc000], [65504, 0x7bff], [1e6, 0x7c00], [2 ** -24, 0x0001],
      [1 + 2 ** -11, 0x3c00], [1 + 3 * 2 ** -11, 0x3c02], [0.1, 0x2e66],
    ];
    for (const [value, bits] of table) expect(toHalf(value)).toBe(bits);
    for (const v of [0.5, -0.25, 3.140625, 2 ** -20]) expect(fromHalf(toHalf(v))).toBe(v);
  });

  it('reads back every metadata type, arrays included', () => {
    const file = join(dir, 'types.gguf');
    writeFileSync(file, encodeGgufHeader({
      metadata: [
        ['u8', { type: 'uint8', value: 250 }], ['i8', { type: 'int8', value: -5 }], ['u16', { type: 'uint16', value: 60000 }],
        ['i16', { type: 'int16', value: -300 }], ['i32', { type: 'int32', value: -7 }], ['f32', { type: 'float32', value: 0.5 }],
        ['f64', { type: 'float64', value: 0.1 }], ['b', { type: 'bool', value: true }], ['u64', { type: 'uint64', value: 2n ** 40n }],
        ['i64', { type: 'int64', value: -9 }], ['s', { type: 'string', value: 'héllo ▁' }],
        ['arr', { type: 'array', itemType: 'string', value: ['a', 'bc'] }], ['farr', { type: 'array', itemType: 'float32', value: [1.5, -2] }],
      ],
      tensors: [],
    }));
    expect(readGgufHeader(file, { validate: false }).metadata).toEqual({
      u8: 250, i8: -5, u16: 60000, i16: -300, i32: -7, f32: 0.5, f64: 0.1, b: true, u64: 2 ** 40, i64: -9, s: 'héllo ▁', arr: ['a', 'bc'], farr: [1.5, -2],
    });
  });
});

describe('the home-made SPM vocabulary', () => {
  it('has control, 256 byte, space-mark and ASCII tokens, then learned merges with descending scores', () => {
    const v = buildSpmVocab({ merges: 20 });
    expect(v.tokens.slice(0, 4)).toEqual(['<unk>', '<s>', '</s>', '<0x00>']);
    expect(v.tokens[258]).toBe('<0xFF>');
    expect(v.types[258]).toBe(6);
    expect(v.tokens[259]).toBe('\u2581');
    expect(v.tokens.length).toBe(259 + 1 + 94 + 20);
    const merged = v.scores.slice(354);
    expect(merged).toEqual([...merged].sort((a, b) => b - a));
    expect(buildSpmVocab({ size: 1000 }).tokens.length).toBe(1000);
  });

  it('learns the most frequent pair first (hand count)', () => {
    // words "▁ab" x3 and "▁ac": pair (▁,a) occurs 4 times, then (▁a,b) 3 times
    expect(learnMerges('ab ab ab ac', 2)).toEqual(['\u2581a', '\u2581ab']);
  });
});

describe('make-tiny-model', () => {
  it('writes models the reader accepts with the requested sizes, f16 about half the bytes of f32', () => {
    const f32 = makeTinyModel(join(dir, 'r32.gguf'), { sizes: { embd: 32, layers: 1, heads: 2, ff: 64 }, vocab: 600 });
    const f16 = makeTinyModel(join(dir, 'r16.gguf'), { sizes: { embd: 32, layers: 1, heads: 2, ff: 64 }, vocab: 600, f16: true });
    const h = readGgufHeader(f32.file);
    expect(h.metadata['llama.embedding_length']).toBe(32);
    expect((h.metadata['tokenizer.ggml.tokens'] as string[]).length).toBe(600);
    expect(h.tensors.find((t) => t.name === 'token_embd.weight')?.dims).toEqual([32, 600]);
    expect(f16.bytes / f32.bytes).toBeLessThan(0.6);
    expect(readGgufHeader(f16.file).tensors.find((t) => t.name === 'output.weight')?.type).toBe('f16');
  });
});
