// Writes GGUF v3 files: header, typed KV metadata, tensor infos, then 32-byte aligned tensor data at
// exactly sequential offsets (llama.cpp rejects any other offset). Tensor data is produced lazily, one
// tensor at a time, so a 100 MB model never sits in memory twice.
import { closeSync, openSync, writeSync } from 'node:fs';
import { toHalf } from './f16.js';
import {
  GGUF_ALIGNMENT,
  GGUF_MAGIC,
  GGUF_VERSION,
  GgmlType,
  GgufValueType,
  alignUp,
  tensorByteSize,
  type GgufScalarTypeName,
  type GgufTensorInfo,
  type GgufValue,
} from './gguf-types.js';

export interface GgufTensorSource extends GgufTensorInfo {
  /** The tensor's values in ggml order (ne0 fastest); called once, when the tensor is written. */
  data: () => Float32Array;
}

export interface GgufContent {
  /** Metadata in file order. */
  metadata: ReadonlyArray<readonly [key: string, value: GgufValue]>;
  tensors: readonly GgufTensorSource[];
}

/** Grows a byte buffer while encoding little-endian values. */
class ByteSink {
  private buf = Buffer.alloc(1 << 16);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  u8(v: number): void { this.reserve(1); this.buf.writeUInt8(v, this.length); this.length += 1; }
  i8(v: number): void { this.reserve(1); this.buf.writeInt8(v, this.length); this.length += 1; }
  u16(v: number): void { this.reserve(2); this.buf.writeUInt16LE(v, this.length); this.length += 2; }
  i16(v: number): void { this.reserve(2); this.buf.writeInt16LE(v, this.length); this.length += 2; }
  u32(v: number): void { this.reserve(4); this.buf.writeUInt32LE(v, this.length); this.length += 4; }
  i32(v: number): void { this.reserve(4); this.buf.writeInt32LE(v, this.length); this.length += 4; }
  f32(v: number): void { this.reserve(4); this.buf.writeFloatLE(v, this.length); this.length += 4; }
  f64(v: number): void { this.reserve(8); this.buf.writeDoubleLE(v, this.length); this.length += 8; }
  u64(v: bigint | number): void { this.reserve(8); this.buf.writeBigUInt64LE(BigInt(v), this.length); this.length += 8; }
  i64(v: bigint | number): void { this.reserve(8); this.buf.writeBigInt64LE(BigInt(v), this.length); this.length += 8; }
  str(s: string): void {
    const bytes = Buffer.from(s, 'utf8');
    this.u64(bytes.length);
    this.reserve(bytes.length);
    bytes.copy(this.buf, this.length);
    this.length += bytes.length;
  }
  zeros(n: number): void { this.reserve(n); this.buf.fill(0, this.length, this.length + n); this.length += n; }
  bytes(): Buffer { return this.buf.subarray(0, this.length); }
}

function writeScalar(sink: ByteSink, type: GgufScalarTypeName, v: string | number | boolean | bigint): void {
  switch (type) {
    case 'uint8': return sink.u8(Number(v));
    case 'int8': return sink.i8(Number(v));
    case 'uint16': return sink.u16(Number(v));
    case 'int16': return sink.i16(Number(v));
    case 'uint32': return sink.u32(Number(v));
    case 'int32': return sink.i32(Number(v));
    case 'float32': return sink.f32(Number(v));
    case 'float64': return sink.f64(Number(v));
    case 'bool': return sink.u8(v ? 1 : 0);
    case 'string': return sink.str(String(v));
    case 'uint64': return sink.u64(typeof v === 'bigint' ? v : Number(v));
    case 'int64': return sink.i64(typeof v === 'bigint' ? v : Number(v));
  }
}

/** Byte offset of each tensor inside the data section: each tensor padded to the alignment, first at 0. */
export function tensorOffsets(tensors: readonly Pick<GgufTensorInfo, 'dims' | 'type'>[], alignment = GGUF_ALIGNMENT): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const t of tensors) {
    offsets.push(at);
    at += alignUp(tensorByteSize(t), alignment);
  }
  return offsets;
}

/** The header (everything before the tensor data), already padded to the alignment. */
export function encodeGgufHeader(content: Pick<GgufContent, 'metadata'> & { tensors: readonly GgufTensorInfo[] }): Buffer {
  const sink = new ByteSink();
  for (const ch of GGUF_MAGIC) sink.u8(ch.charCodeAt(0));
  sink.u32(GGUF_VERSION);
  sink.u64(content.tensors.length);
  sink.u64(content.metadata.length);
  for (const [key, value] of content.metadata) {
    sink.str(key);
    sink.u32(GgufValueType[value.type]);
    if (value.type === 'array') {
      sink.u32(GgufValueType[value.itemType]);
      sink.u64(value.value.length);
      for (const item of value.value) writeScalar(sink, value.itemType, item);
    } else {
      writeScalar(sink, value.type, value.value);
    }
  }
  const offsets = tensorOffsets(content.tensors);
  content.tensors.forEach((t, i) => {
    sink.str(t.name);
    sink.u32(t.dims.length);
    for (const d of t.dims) sink.u64(d);
    sink.u32(GgmlType[t.type]);
    sink.u64(offsets[i] as number);
  });
  sink.zeros(alignUp(sink.length) - sink.length);
  return Buffer.from(sink.bytes());
}

function encodeTensor(t: GgufTensorSource): Buffer {
  const values = t.data();
  const expected = t.dims.reduce((a, b) => a * b, 1);
  if (values.length !== expected) {
    throw new RangeError(`tensor ${t.name}: ${values.length} values for dims [${t.dims.join(', ')}] (${expected} expected)`);
  }
  const size = tensorByteSize(t);
  const out = Buffer.alloc(alignUp(size));
  if (t.type === 'f32') {
    Buffer.from(values.buffer, values.byteOffset, values.byteLength).copy(out);
  } else {
    for (let i = 0; i < values.length; i++) out.writeUInt16LE(toHalf(values[i] as number), i * 2);
  }
  return out;
}

/** Write a complete GGUF v3 file; returns its size in bytes. */
export function writeGguf(file: string, content: GgufContent): number {
  const fd = openSync(file, 'w');
  try {
    let written = writeSync(fd, encodeGgufHeader(content));
    for (const t of content.tensors) written += writeSync(fd, encodeTensor(t));
    return written;
  } finally {
    closeSync(fd);
  }
}
