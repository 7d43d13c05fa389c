// Grammar-constrained output for the local provider: a GBNF grammar from providerOptions.local.grammar,
// or a JSON-schema grammar from the request's zod schema. Parsing never crashes: the JSON-schema grammar
// admits outputs its own `parse` rejects (exponents overflowing to Infinity for integers, string
// maxLength counted differently), so every failure becomes a classified StructuredOutputError.
import { z } from 'zod';
import type { Llama, LlamaGrammar, LlamaJsonSchemaGrammar } from 'node-llama-cpp';
import { LlamaGrammar as Grammar } from 'node-llama-cpp';
import { LocalModelError } from '../core/errors/local-model-error.js';
import { StructuredOutputError } from '../core/errors/structured-output-error.js';
import type { OutputSpec, Usage } from '../models/model.js';

export interface LocalGrammar {
  grammar: LlamaGrammar;
  /** Present when the grammar came from a JSON schema: its own parser and validator. */
  json?: LlamaJsonSchemaGrammar<never>;
}

/** The JSON schema node-llama-cpp turns into a grammar: zod's output without the keys it does not read. */
export function grammarSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }) as Record<string, unknown>;
  const { $schema: _ignored, ...rest } = json;
  return rest;
}

export async function grammarFor(
  llama: Llama,
  file: string,
  output: OutputSpec | undefined,
  gbnf: unknown,
): Promise<LocalGrammar | undefined> {
  try {
    if (typeof gbnf === 'string') return { grammar: new Grammar(llama, { grammar: gbnf }) };
    if (!output) return undefined;
    const json = await llama.createGrammarForJsonSchema(grammarSchemaOf(output.schema) as never);
    return { grammar: json, json: json as LlamaJsonSchemaGrammar<never> };
  } catch (error) {
    const what = typeof gbnf === 'string' ? 'the GBNF grammar in providerOptions.local.grammar' : `the output schema ${output?.name ?? 'output'}`;
    throw new LocalModelError('generation-failed', file, `${what} cannot be compiled to a grammar: ${(error as Error).message}`, { cause: error });
  }
}

/** Parse and validate a constrained answer; throws StructuredOutputError (`unparsable` or `invalid`). */
export function parseStructured<T>(text: string, output: OutputSpec<T>, grammar: LocalGrammar | undefined, usage: Usage, finishReason: string): T {
  const fail = (kind: 'unparsable' | 'invalid', message: string, issues: Array<{ path: string; message: string }> = [], cause?: unknown): never => {
    throw new StructuredOutputError(message, { kind, raw: text, usage, finishReason, issues, attempts: 1 }, { cause });
  };
  let value: unknown;
  try {
    value = grammar?.json ? grammar.json.parse(text) : JSON.parse(text);
  } catch (error) {
    // a JSON-schema grammar's parser also validates; a JSON text that fails only that check is `invalid`
    const isJson = (() => { try { JSON.parse(text); return true; } catch { return false; } })();
    fail(isJson ? 'invalid' : 'unparsable', (error as Error).message, [], error);
  }
  const result = output.schema.safeParse(value);
  if (!result.success) {
    fail('invalid', 'the answer does not match the output schema', result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return (result as { data: T }).data;
}
