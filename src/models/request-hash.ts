// The canonical identity of a model request: what was asked (messages, output schema, sampling) and
// where in the run it was asked (agent, turn, purpose, position, replicate). Run ids and wall time are
// left out, so a rerun of the same config hashes the same and a cache survives across runs.
import { canonicalJson, sha256 } from '../core/hash.js';
import { toJsonSchema } from './json-schema.js';
import type { ModelRequest } from './model.js';

/** The hashed parts of a request, also stored in recordings so divergence can name the part. */
export interface CanonicalRequest {
  messages: Array<{ role: string; content: string }>;
  schema: unknown;
  sampling: unknown;
  call: { agentId: string | null; turn: number | null; purpose: string | null; position: number; replicate: number };
}

export function canonicalRequest(request: ModelRequest): CanonicalRequest {
  const call = request.call ?? {};
  return {
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    schema: request.output
      ? { name: request.output.name ?? 'output', json: toJsonSchema(request.output.schema) }
      : null,
    sampling: request.sampling ?? {},
    call: {
      agentId: call.agentId ?? null,
      turn: call.turn ?? null,
      purpose: call.purpose ?? null,
      position: call.position ?? 0,
      replicate: call.replicate ?? 0,
    },
  };
}

/** sha256 (hex) of the canonical request. Never includes `runId`, `role`, signals or provider options. */
export function requestHash(request: ModelRequest): string {
  // Wrappers pass the same request object down the stack; hash it once.
  let hash = memo.get(request);
  if (hash === undefined) {
    hash = sha256(canonicalRequestJson(request));
    memo.set(request, hash);
  }
  return hash;
}

const memo = new WeakMap<ModelRequest, string>();
const schemaJson = new WeakMap<object, string>();

/**
 * `canonicalJson(canonicalRequest(request))`, built directly: this runs on every call, and writing the
 * fixed keys in sorted order is several times faster than sorting a generic object (a test pins the equality).
 */
export function canonicalRequestJson(request: ModelRequest): string {
  const c = request.call ?? {};
  const call = JSON.stringify({
    agentId: c.agentId ?? null,
    position: c.position ?? 0,
    purpose: c.purpose ?? null,
    replicate: c.replicate ?? 0,
    turn: c.turn ?? null,
  });
  const messages = JSON.stringify(request.messages.map((m) => ({ content: m.content, role: m.role })));
  let schema = 'null';
  if (request.output) {
    const zod = request.output.schema;
    let json = schemaJson.get(zod);
    if (json === undefined) {
      json = canonicalJson(toJsonSchema(zod));
      schemaJson.set(zod, json);
    }
    schema = `{"json":${json},"name":${JSON.stringify(request.output.name ?? 'output')}}`;
  }
  return `{"call":${call},"messages":${messages},"sampling":${canonicalJson(request.sampling ?? {})},"schema":${schema}}`;
}
