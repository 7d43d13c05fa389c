// Reads and checks a GGUF header in plain JS, without llama.cpp: some malformed files make llama.cpp
// abort the whole process (GGML_ASSERT), so every file is read here first and rejected with a clear error.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../../core/errors/input-error.js';
import {
  GGUF_ALIGNMENT,
  GGUF_MAGIC,
  GGUF_VERSION,
  GgufValueType,
  alignUp,
} from './gguf-types.js';
import { ggmlTensorBytes, ggmlTypeName } from './ggml-type-sizes.js';
import { checkLlamaModel } from './llama-checks.js';

export type GgufMetadataValue = string | number | boolean | bigint | GgufMetadataValue[];

export interface GgufTensorHeader {
  name: string;
  dims: number[];
  /** ggml type name: `f32`, `f16`, `q4_k`, ... (`type-N` when unknown). */
  type: string;
  typeCode: number;
  /** Data bytes, when the type is known. */
  bytes: number | undefined;
  /** Offset inside the data section. */
  offset: number;
}

export interface GgufHeader {
  file: string;
  version: number;
  metadata: Record<string, GgufMetadataValue>;
  tensors: GgufTensorHeader[];
  /** Absolute offset of the tensor data section. */
  dataOffset: number;
  fileSize: number;
  alignment: number;
}

export interface ReadGgufOptions {
  /** Check the keys and tensor shapes llama.cpp needs for the file's architecture. @default true */
  validate?: boolean;
}

class Truncated extends Error {}

/** A cursor over a growing prefix of the file. */
class FileCursor {
  private buf: Buffer = Buffer.alloc(0);
  pos = 0;
  constructor(private readonly fd: number, readonly size: number) {}

  private need(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.pos + n > this.size) throw new Truncated();
    const want = Math.min(this.size, Math.max(this.pos + n, this.buf.length * 2, 1 << 16));
    const next = Buffer.alloc(want);
    const got = readSync(this.fd, next, 0, want, 0);
    this.buf = next.subarray(0, got);
    if (this.pos + n > this.buf.length) throw new Truncated();
  }
  u8(): number { this.need(1); return this.buf.readUInt8(this.pos++); }
  u32(): number { this.need(4); const v = this.buf.readUInt32LE(this.pos); this.pos += 4; return v; }
  u64(): number {
    this.need(8);
    const v = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`count ${v} is too large`);
    return Number(v);
  }
  scalar(type: number): GgufMetadataValue {
    const at = this.pos;
    switch (type) {
      case GgufValueType.uint8: return this.u8();
      case GgufValueType.int8: this.need(1); this.pos += 1; return this.buf.readInt8(at);
      case GgufValueType.uint16: this.need(2); this.pos += 2; return this.buf.readUInt16LE(at);
      case GgufValueType.int16: this.need(2); this.pos += 2; return this.buf.readInt16LE(at);
      case GgufValueType.uint32: return this.u32();
      case GgufValueType.int32: this.need(4); this.pos += 4; return this.buf.readInt32LE(at);
      case GgufValueType.float32: this.need(4); this.pos += 4; return this.buf.readFloatLE(at);
      case GgufValueType.float64: this.need(8); this.pos += 8; return this.buf.readDoubleLE(at);
      case GgufValueType.bool: return this.u8() !== 0;
      case GgufValueType.string: return this.str();
      case GgufValueType.uint64: { this.need(8); this.pos += 8; const v = this.buf.readBigUInt64LE(at); return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v; }
      case GgufValueType.int64: { this.need(8); this.pos += 8; const v = this.buf.readBigInt64LE(at); return Number(v); }
      default: throw new RangeError(`unknown value type ${type}`);
    }
  }
  str(): string {
    const n = this.u64();
    this.need(n);
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
}

/** Parse a GGUF file's header and, by default, check it can be loaded as its architecture. Throws InputError. */
export function readGgufHeader(file: string, options: ReadGgufOptions = {}): GgufHeader {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `cannot open: ${(error as Error).message}`;
    throw new InputError(reason, { file }, { cause: error });
  }
  try {
    const header = parse(file, new FileCursor(fd, fstatSync(fd).size));
    if (options.validate ?? true) checkLlamaModel(header);
    return header;
  } finally {
    closeSync(fd);
  }
}

function parse(file: string, c: FileCursor): GgufHeader {
  let field = 'magic';
  try {
    const magic = String.fromCharCode(c.u8(), c.u8(), c.u8(), c.u8());
    if (magic !== GGUF_MAGIC) throw new InputError(`not a GGUF file: magic is ${JSON.stringify(magic)}, expected "GGUF"`, { file });
    field = 'version';
    const version = c.u32();
    if (version !== GGUF_VERSION) throw new InputError(`unsupported GGUF version ${version}, expected ${GGUF_VERSION}`, { file });
    field = 'tensor count';
    const nTensors = c.u64();
    field = 'metadata count';
    const nKv = c.u64();
    const metadata: Record<string, GgufMetadataValue> = {};
    for (let i = 0; i < nKv; i++) {
      field = `metadata entry ${i}`;
      const key = c.str();
      field = key;
      const type = c.u32();
      if (type === GgufValueType.array) {
        const itemType = c.u32();
        const n = c.u64();
        const items: GgufMetadataValue[] = new Array(n);
        for (let j = 0; j < n; j++) items[j] = c.scalar(itemType);
        metadata[key] = items;
      } else {
        metadata[key] = c.scalar(type);
      }
    }
    const alignment = typeof metadata['general.alignment'] === 'number' ? metadata['general.alignment'] : GGUF_ALIGNMENT;
    const tensors: GgufTensorHeader[] = [];
    for (let i = 0; i < nTensors; i++) {
      field = `tensor info ${i}`;
      const name = c.str();
      field = `tensor ${name}`;
      const nDims = c.u32();
      if (nDims < 1 || nDims > 4) throw new InputError(`tensor ${name} has ${nDims} dimensions (1 to 4 expected)`, { file });
      const dims: number[] = [];
      for (let d = 0; d < nDims; d++) dims.push(c.u64());
      if (dims.some((d) => d < 1)) throw new InputError(`tensor ${name} has an empty dimension [${dims.join(', ')}]`, { file });
      const typeCode = c.u32();
      tensors.push({ name, dims, type: ggmlTypeName(typeCode), typeCode, bytes: ggmlTensorBytes(typeCode, dims), offset: c.u64() });
    }
    const dataOffset = alignUp(c.pos, alignment);
    checkLayout(file, tensors, dataOffset, c.size, alignment);
    return { file, version, metadata, tensors, dataOffset, fileSize: c.size, alignment };
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof Truncated) throw new InputError(`truncated header: the file ends while reading ${field}`, { file, field });
    throw new InputError(`malformed header while reading ${field}: ${(error as Error).message}`, { file, field }, { cause: error });
  }
}

function checkLayout(file: string, tensors: GgufTensorHeader[], dataOffset: number, size: number, alignment: number): void {
  let expected = 0;
  let end = dataOffset;
  for (const t of tensors) {
    if (t.bytes === undefined) return; // a type we cannot size: llama.cpp will check the rest
    if (t.offset !== expected) throw new InputError(`tensor ${t.name} has offset ${t.offset}, expected ${expected}`, { file });
    end = dataOffset + t.offset + t.bytes;
    expected += alignUp(t.bytes, alignment);
  }
  if (end > size) throw new InputError(`truncated: tensor data needs ${end} bytes but the file has ${size}`, { file });
}
