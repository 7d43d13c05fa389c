// Agent text is hostile wherever shown: a model's answer can hold escape sequences that retitle, clear or
// rewrite a terminal. Every human-facing output of the CLI passes through `escapeControl`.

// C0 controls except tab (\x09) and newline (\x0a), DEL, and the C1 controls (\x80-\x9f, which some
// terminals read as CSI/OSC introducers).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * `text` with every control character except newline and tab written visibly as `\u001b`-style escapes,
 * so nothing in it acts on a terminal. The escapes are also valid inside JSON strings.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
