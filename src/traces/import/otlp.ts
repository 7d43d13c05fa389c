// OTLP JSON (the protobuf JSON mapping of ExportTraceServiceRequest, opentelemetry-proto
// trace/v1/trace.proto and common/v1/common.proto): types and AnyValue encoding. Ids are hex strings,
// 64-bit integers (times, intValue) may be strings or numbers.
export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
  bytesValue?: string;
}
export interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}
export interface OtlpSpanEvent {
  timeUnixNano?: string | number;
  name: string;
  attributes?: OtlpKeyValue[];
}
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind?: number;
  startTimeUnixNano: string | number;
  endTimeUnixNano?: string | number;
  attributes?: OtlpKeyValue[];
  events?: OtlpSpanEvent[];
  /** 0 unset, 1 ok, 2 error. */
  status?: { code?: number; message?: string };
  [key: string]: unknown;
}
export interface OtlpTraceRequest {
  resourceSpans: Array<{
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: Array<{ scope?: { name?: string; version?: string }; spans?: OtlpSpan[]; schemaUrl?: string }>;
    schemaUrl?: string;
  }>;
}

export const SPAN_KIND = { internal: 1, server: 2, client: 3 } as const;
export const STATUS_CODE = { unset: 0, ok: 1, error: 2 } as const;

/** The JS value of an AnyValue (intValue as a number). */
export function fromAnyValue(v: OtlpAnyValue | undefined): unknown {
  if (!v) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(fromAnyValue);
  if (v.kvlistValue) return attributeMap(v.kvlistValue.values);
  if (v.bytesValue !== undefined) return v.bytesValue;
  return undefined;
}

export function attributeMap(list: readonly OtlpKeyValue[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const kv of list ?? []) out[kv.key] = fromAnyValue(kv.value);
  return out;
}

/** An AnyValue for a JS value: integers as `intValue` (a string, per the JSON mapping of int64). */
export function toAnyValue(value: unknown): OtlpAnyValue {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toAnyValue) } };
  if (value && typeof value === 'object') return { kvlistValue: { values: toAttributes(value as Record<string, unknown>) } };
  return { stringValue: String(value) };
}

export function toAttributes(map: Record<string, unknown>): OtlpKeyValue[] {
  return Object.entries(map)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => ({ key, value: toAnyValue(v) }));
}

/** Nanoseconds (string or number) as milliseconds. */
export function nanosToMillis(ns: string | number): number {
  return typeof ns === 'number' ? ns / 1e6 : Number(BigInt(ns) / 1000n) / 1000;
}

/** Milliseconds as a nanosecond string. */
export function millisToNanos(ms: number): string {
  return (BigInt(Math.round(ms * 1000)) * 1000n).toString();
}
