// OpenAI strict structured output accepts a subset of JSON schema: every object closes
// (additionalProperties: false) and lists all its properties as required; the root is an object.
// This rewrites a z.toJSONSchema() result to that subset and, since optional properties become
// nullable, strips the nulls the model then sends back before zod sees them.
// Rules: https://platform.openai.com/docs/guides/structured-outputs#supported-schemas (read 2026-11).

type Json = Record<string, unknown>;

/** Keywords strict mode rejects; zod still enforces them when it validates the answer. */
const unsupported = new Set([
  '$schema', '$id', 'default', 'examples', 'minLength', 'maxLength', 'patternProperties', 'unevaluatedProperties',
  'propertyNames', 'minProperties', 'maxProperties', 'unevaluatedItems', 'contains', 'minContains', 'maxContains',
  'uniqueItems', 'format', 'if', 'then', 'else', 'not', 'dependentRequired', 'dependentSchemas', 'contentEncoding',
  'contentMediaType', 'readOnly', 'writeOnly', 'deprecated',
]);

export interface StrictSchema {
  schema: Json;
  /** True when a non-object root was wrapped as `{ value: <root> }`. */
  wrapped: boolean;
}

/** Rewrites a JSON schema to OpenAI strict-mode rules. Pure: the input is not modified. */
export function toStrictSchema(jsonSchema: Json): StrictSchema {
  const root = strict(jsonSchema);
  const defs = root.$defs as Json | undefined;
  delete root.$defs;
  const isObject = root.type === 'object' && !root.anyOf;
  const schema: Json = isObject
    ? root
    : { type: 'object', properties: { value: root }, required: ['value'], additionalProperties: false };
  if (defs) schema.$defs = defs;
  return { schema, wrapped: !isObject };
}

function strict(node: unknown): Json {
  if (node === true || node === undefined) return {};
  if (typeof node !== 'object' || node === null) return {};
  const src = node as Json;
  if (typeof src.$ref === 'string') return { $ref: src.$ref };
  const out: Json = {};
  for (const [key, value] of Object.entries(src)) {
    if (unsupported.has(key)) continue;
    if (key === 'oneOf') out.anyOf = (value as unknown[]).map(strict);
    else if (key === 'anyOf') out.anyOf = (value as unknown[]).map(strict);
    else if (key === 'allOf') Object.assign(out, ...(value as unknown[]).map(strict));
    else if (key === 'items') out.items = Array.isArray(value) ? { anyOf: value.map(strict) } : strict(value);
    else if (key === 'prefixItems') out.items = { anyOf: (value as unknown[]).map(strict) };
    else if (key === '$defs' || key === 'definitions') {
      const defs: Json = {};
      for (const [name, def] of Object.entries(value as Json)) defs[name] = strict(def);
      out.$defs = defs;
    } else if (key !== 'properties' && key !== 'required' && key !== 'additionalProperties') out[key] = value;
  }
  if (src.type === 'object' || src.properties) {
    const props = (src.properties ?? {}) as Json;
    const required = new Set((src.required as string[] | undefined) ?? []);
    const properties: Json = {};
    for (const [name, prop] of Object.entries(props)) {
      const p = strict(prop);
      properties[name] = required.has(name) ? p : nullable(p);
    }
    out.type = 'object';
    out.properties = properties;
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  }
  return out;
}

function nullable(schema: Json): Json {
  // Scalars take a type list; objects and arrays get an anyOf branch, which strict mode accepts everywhere.
  const scalar = typeof schema.type === 'string' && schema.type !== 'object' && schema.type !== 'array';
  if (scalar && !schema.enum && !('const' in schema)) return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type) && !schema.enum) return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

/**
 * Removes `null` values the model sent for properties the original schema marks optional (and not
 * nullable), walking value and original schema together; `$ref`s resolve against the root's `$defs`.
 */
export function stripOptionalNulls(value: unknown, original: Json, root: Json = original): unknown {
  const schema = resolve(original, root);
  if (Array.isArray(value)) {
    const items = schema.items as Json | undefined;
    return items ? value.map((v) => stripOptionalNulls(v, items, root)) : value;
  }
  if (value === null || typeof value !== 'object') return value;
  const branches = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (branches) {
    const objectBranch = branches.map((b) => resolve(b, root)).find((b) => b.type === 'object' || b.properties);
    return objectBranch ? stripOptionalNulls(value, objectBranch, root) : value;
  }
  const props = (schema.properties ?? {}) as Json;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const out: Json = {};
  for (const [key, v] of Object.entries(value as Json)) {
    const propSchema = props[key] as Json | undefined;
    if (v === null && !required.has(key) && propSchema && !allowsNull(resolve(propSchema, root), root)) continue;
    out[key] = propSchema ? stripOptionalNulls(v, propSchema, root) : v;
  }
  return out;
}

function resolve(schema: Json, root: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace(/^#\/(\$defs|definitions)\//, '');
  const defs = (root.$defs ?? root.definitions ?? {}) as Json;
  return (defs[name] as Json | undefined) ?? (ref === '#' ? root : {});
}

function allowsNull(schema: Json, root: Json): boolean {
  if (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'))) return true;
  const branches = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  return branches ? branches.some((b) => allowsNull(resolve(b, root), root)) : false;
}
