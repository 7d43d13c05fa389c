// Models wrap JSON in prose or ``` fences; this finds the JSON value in an answer.

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string };

const fence = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/;

/** Parses an answer as JSON, tolerating ```json fences and text around one object or array. */
export function parseJsonAnswer(text: string): ParsedJson {
  const candidates: string[] = [text.trim()];
  const fenced = fence.exec(text);
  if (fenced?.[1] !== undefined) candidates.push(fenced[1].trim());
  const start = text.search(/[{[]/);
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (start >= 0 && end > start) candidates.push(text.slice(start, end + 1));
  let error = 'empty answer';
  for (const candidate of candidates) {
    if (candidate === '') continue;
    try {
      return { ok: true, value: JSON.parse(candidate) };
    } catch (e) {
      error = (e as Error).message;
    }
  }
  return { ok: false, error: `not valid JSON (${error})` };
}
