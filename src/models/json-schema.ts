// zod schema -> JSON schema, memoised per schema object: hashing and native structured output ask
// for it on every call, and z.toJSONSchema costs far more than the rest of the wrapper stack.
import { z } from 'zod';

const memo = new WeakMap<object, Record<string, unknown>>();

/** The JSON schema (draft 2020-12) of a zod schema; the same object for the same schema. */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  let json = memo.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }) as Record<string, unknown>;
    memo.set(schema, json);
  }
  return json;
}
