// What every adapter does with an answer to a request that has `output`: parse the JSON and keep the
// object only when the schema accepts it. Repair of a bad answer is the structured-output wrapper's job.
import type { ModelRequest } from './model.js';
import { parseJsonAnswer } from './parse-json.js';

/** The schema-valid object in `text` (or in `value` when already parsed), else undefined. */
export function validObject<T>(request: ModelRequest<T>, text: string, value?: unknown): T | undefined {
  if (!request.output) return undefined;
  let candidate = value;
  if (candidate === undefined) {
    const parsed = parseJsonAnswer(text);
    if (!parsed.ok) return undefined;
    candidate = parsed.value;
  }
  const result = request.output.schema.safeParse(candidate);
  return result.success ? result.data : undefined;
}
