// Answer extraction for rule-based verification: the last \boxed{...} (balanced braces), numbers with
// fractions, thousands separators and percentages.

/** Content of the last `\boxed{...}` or `\fbox{...}`, braces balanced; null when there is none. */
export function extractBoxed(text: string): string | null {
  let found: string | null = null;
  const re = /\\(?:boxed|fbox)\s*\{/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
    }
    if (depth === 0) found = text.slice(start, i - 1);
  }
  return found;
}

export interface ParsedNumber {
  value: number;
  /** Written with `%` (value is the number before the sign, e.g. 50 for "50%"). */
  percent: boolean;
}

const FRACTION = /^([+-])?\\[dt]?frac\s*\{([^{}]+)\}\s*\{([^{}]+)\}$/;
const SLASH = /^([+-]?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Parse one number written as a decimal, fraction (`3/4`, `\frac{3}{4}`), with separators or a percent sign. */
export function parseNumber(raw: string): ParsedNumber | null {
  let s = raw
    .normalize('NFKC')
    .trim()
    .replace(/^\$+|\$+$/g, '')
    .replace(/\\[,!;: ]/g, '')
    .replace(/\\text\{[^{}]*\}/g, '')
    .replace(/\\left|\\right/g, '')
    .replace(/\\\$/g, '')
    .trim()
    .replace(/[.。]$/, '')
    .trim();
  let percent = false;
  if (/\\?%$/.test(s)) {
    percent = true;
    s = s.replace(/\\?%$/, '').trim();
  }
  if (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1).trim();
  const frac = FRACTION.exec(s);
  if (frac) {
    const num = parseNumber(frac[2] ?? '');
    const den = parseNumber(frac[3] ?? '');
    if (!num || !den || den.value === 0) return null;
    return { value: (frac[1] === '-' ? -1 : 1) * (num.value / den.value), percent };
  }
  const slash = SLASH.exec(s);
  if (slash) {
    const den = Number(slash[2]);
    return den === 0 ? null : { value: Number(slash[1]) / den, percent };
  }
  if (THOUSANDS.test(s)) return { value: Number(s.replace(/,/g, '')), percent };
  const compact = s.replace(/\s+/g, '');
  if (PLAIN.test(compact)) return { value: Number(compact), percent };
  return null;
}

/** The last number-looking token in free text (used when there is no \boxed{}). */
export function lastNumberIn(text: string): string | null {
  const matches = text.match(/[+-]?\\[dt]?frac\{[^{}]+\}\{[^{}]+\}|[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|[+-]?\d+(?:\.\d+)?(?:\s*\/\s*\d+)?%?|[+-]?\.\d+%?/g);
  return matches?.at(-1) ?? null;
}
