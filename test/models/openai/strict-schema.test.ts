import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toJsonSchema } from '../../../src/models/json-schema.js';
import { stripOptionalNulls, toStrictSchema } from '../../../src/models/openai/strict-schema.js';

type Node = Record<string, any>;

/** Every object node in a strict schema closes and requires all its properties. */
function assertStrict(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'object') {
    expect(n.additionalProperties).toBe(false);
    expect([...n.required].sort()).toEqual(Object.keys(n.properties).sort());
  }
  if (n.$ref) expect(Object.keys(n)).toEqual(['$ref']);
  for (const bad of ['$schema', 'minLength', 'maxLength', 'oneOf', 'allOf', 'default', 'format']) expect(n[bad]).toBeUndefined();
  for (const v of Object.values(n)) (Array.isArray(v) ? v : [v]).forEach(assertStrict);
}

describe('toStrictSchema', () => {
  const Tree: z.ZodType<{ label: string; children?: unknown[] }> = z.lazy(() =>
    z.object({ label: z.string().min(1).default('x'), children: z.array(Tree).optional() }),
  );
  const schema = z.object({
    name: z.string().max(20),
    email: z.email().optional(),
    kind: z.discriminatedUnion('t', [z.object({ t: z.literal('a'), n: z.number() }), z.object({ t: z.literal('b') })]),
    tree: Tree,
    meta: z.object({ note: z.string().nullable().optional() }).optional(),
  });

  it('closes every object, requires every property and drops unsupported keywords (recursive $defs too)', () => {
    const { schema: strict, wrapped } = toStrictSchema(toJsonSchema(schema));
    expect(wrapped).toBe(false);
    assertStrict(strict);
    expect(strict.properties).toMatchObject({ email: { type: ['string', 'null'] }, meta: { anyOf: [expect.any(Object), { type: 'null' }] } });
    expect(JSON.stringify(strict)).toContain('"$ref"');
  });

  it('wraps a non-object root as { value }', () => {
    expect(toStrictSchema(toJsonSchema(z.array(z.number())))).toMatchObject({ wrapped: true, schema: { required: ['value'], properties: { value: { type: 'array' } } } });
  });

  it('removes the nulls a strict model sends for optional fields, keeping real nulls', () => {
    const answer = {
      name: 'n', email: null, kind: { t: 'b' },
      tree: { label: 'root', children: [{ label: 'leaf', children: null }] },
      meta: { note: null },
    };
    const cleaned = stripOptionalNulls(answer, toJsonSchema(schema));
    expect(schema.parse(cleaned)).toEqual({ name: 'n', kind: { t: 'b' }, tree: { label: 'root', children: [{ label: 'leaf' }] }, meta: { note: null } });
  });
});
