/** The first JSON value in a model's text (bare, or inside a ``` fence), or undefined. */
export function parseJsonText(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  const candidates = [fenced?.[1], text, text.slice(text.search(/[[{]/))];
  for (const c of candidates) {
    if (c === undefined) continue;
    try {
      return JSON.parse(c.trim());
    } catch {
      // try the next form
    }
  }
  return undefined;
}
