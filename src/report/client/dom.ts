// Building DOM nodes. Strings always become text nodes (textContent): agent text (prompts, answers,
// messages) is hostile and is never parsed as HTML. There is no innerHTML anywhere in the client.
type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  append(node, ...children);
  return node;
}

export function append(node: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A number for tables: up to 4 significant digits, `-` for missing. */
export function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  if (Number.isInteger(value)) return String(value);
  return Number(value.toPrecision(4)).toString();
}

/** US dollars with enough digits for fractions of a cent. */
export function dollars(value: number): string {
  return value === 0 ? '$0' : `$${value < 0.01 ? value.toPrecision(3) : value.toFixed(4)}`;
}

export function table(head: string[], rows: Child[][], textColumns = 1): HTMLTableElement {
  const cls = (i: number): Record<string, string> => (i < textColumns ? { class: 'text' } : {});
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', cls(i), h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => (c instanceof HTMLTableCellElement ? c : el('td', cls(i), c)))))),
  );
}
