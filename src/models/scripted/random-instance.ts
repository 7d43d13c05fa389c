// A seeded random value that satisfies a JSON schema (the subset z.toJSONSchema emits): the offline
// default model answers any output schema with one of these.
import type { Rng } from '../../core/rng.js';

type Json = Record<string, unknown>;
const words = ['cooperate', 'defect', 'share', 'trust', 'offer', 'accept', 'reject', 'market', 'price', 'fair', 'agent', 'round'];

/** Draws a value valid for `schema`; `root` resolves `$ref`s. Bounds are kept small (strings <= 12 chars, arrays <= 4 items). */
export function randomInstance(schema: unknown, rng: Rng, root: Json = schema as Json, depth = 0): unknown {
  if (schema === true || schema === undefined || schema === null || typeof schema !== 'object') return null;
  const s = schema as Json;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace(/^#\/(\$defs|definitions)\//, '');
    const target = s.$ref === '#' ? root : ((root.$defs ?? root.definitions ?? {}) as Json)[name];
    return randomInstance(target, rng, root, depth + 1);
  }
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return rng.pick(s.enum);
  const branches = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (branches?.length) {
    // Deep recursion prefers a non-recursive branch (null, scalar) so values stay finite.
    const pool = depth > 4 ? branches.filter((b) => !JSON.stringify(b).includes('$ref')) : branches;
    return randomInstance(rng.pick(pool.length ? pool : branches), rng, root, depth + 1);
  }
  if (Array.isArray(s.allOf) && s.allOf.length) return randomInstance(s.allOf[0], rng, root, depth + 1);
  const type = Array.isArray(s.type) ? rng.pick(s.type as string[]) : (s.type as string | undefined);
  switch (type) {
    case 'object': {
      const out: Json = {};
      const required = new Set((s.required as string[] | undefined) ?? []);
      for (const [key, prop] of Object.entries((s.properties ?? {}) as Json)) {
        if (required.has(key) || (depth < 4 && rng.bernoulli(0.5))) out[key] = randomInstance(prop, rng, root, depth + 1);
      }
      return out;
    }
    case 'array': {
      if (Array.isArray(s.prefixItems)) return s.prefixItems.map((p) => randomInstance(p, rng, root, depth + 1));
      const min = (s.minItems as number | undefined) ?? 0;
      const max = Math.max(min, Math.min((s.maxItems as number | undefined) ?? min + 3, min + 3, depth > 4 ? min : Infinity));
      return Array.from({ length: rng.int(min, max) }, () => randomInstance(s.items, rng, root, depth + 1));
    }
    case 'integer':
    case 'number':
      return randomNumber(s, rng, type === 'integer');
    case 'boolean':
      return rng.bernoulli(0.5);
    case 'null':
      return null;
    case 'string':
      return randomString(s, rng);
    default:
      return randomString({}, rng);
  }
}

function randomNumber(s: Json, rng: Rng, integer: boolean): number {
  const exMin = s.exclusiveMinimum as number | undefined;
  const exMax = s.exclusiveMaximum as number | undefined;
  let min = (s.minimum as number | undefined) ?? (exMin === undefined ? undefined : exMin + (integer ? 1 : 1e-9));
  let max = (s.maximum as number | undefined) ?? (exMax === undefined ? undefined : exMax - (integer ? 1 : 1e-9));
  min = min ?? (max === undefined ? 0 : max - 100);
  max = max ?? min + 100;
  if (integer) {
    const lo = Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER);
    const hi = Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER);
    const step = (s.multipleOf as number | undefined) ?? 1;
    return Math.ceil(lo / step) * step + step * rng.int(0, Math.max(0, Math.floor((hi - Math.ceil(lo / step) * step) / step)));
  }
  const value = min + (max - min) * rng.next();
  return Math.round(value * 1e6) / 1e6 >= min && Math.round(value * 1e6) / 1e6 <= max ? Math.round(value * 1e6) / 1e6 : value;
}

function randomString(s: Json, rng: Rng): string {
  const min = (s.minLength as number | undefined) ?? 1;
  const max = Math.max(min, Math.min((s.maxLength as number | undefined) ?? 12, Math.max(min, 12)));
  let out = rng.pick(words);
  while (out.length < min) out += ` ${rng.pick(words)}`;
  if (out.length > max) out = out.slice(0, max);
  return out;
}
