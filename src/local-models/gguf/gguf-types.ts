// GGUF v3 value and tensor type codes, as laid out by ggml's gguf.cpp (the format this folder writes and reads).

/** Metadata value types: the u32 that precedes every KV value. */
export const GgufValueType = {
  uint8: 0,
  int8: 1,
  uint16: 2,
  int16: 3,
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
  int64: 11,
  float64: 12,
} as const;
export type GgufValueTypeName = keyof typeof GgufValueType;
export type GgufScalarTypeName = Exclude<GgufValueTypeName, 'array'>;

/** Tensor element types this project writes (ggml_type codes). */
export const GgmlType = { f32: 0, f16: 1 } as const;
export type GgmlTypeName = keyof typeof GgmlType;

export const GGUF_MAGIC = 'GGUF';
export const GGUF_VERSION = 3;
/** Data alignment in bytes (`general.alignment`, ggml's default). */
export const GGUF_ALIGNMENT = 32;

/** A typed metadata value: the type is explicit because JS numbers do not say u32 vs f32. */
export type GgufValue =
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'uint64' | 'int64'; value: bigint | number }
  | { type: Exclude<GgufScalarTypeName, 'string' | 'bool' | 'uint64' | 'int64'>; value: number }
  | { type: 'array'; itemType: GgufScalarTypeName; value: readonly (string | number | boolean | bigint)[] };

export interface GgufTensorInfo {
  name: string;
  /** ggml order: ne0 (the contiguous axis) first. */
  dims: readonly number[];
  type: GgmlTypeName;
}

export const bytesPerElement = (type: GgmlTypeName): number => (type === 'f32' ? 4 : 2);

export const tensorByteSize = (t: Pick<GgufTensorInfo, 'dims' | 'type'>): number =>
  t.dims.reduce((a, b) => a * b, 1) * bytesPerElement(t.type);

export const alignUp = (n: number, alignment = GGUF_ALIGNMENT): number => Math.ceil(n / alignment) * alignment;
