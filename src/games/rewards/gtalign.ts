// GTAlign rewards (spec 14; Zhang et al., arXiv 2510.08872; ulab-uiuc/GTAlign@1e3536026a5a, tasks/math_hard.py).

export const PAYOFF_KEYS = ['DQ_AQ', 'DQ_CQ', 'DQ_DA', 'VQ_AQ', 'VQ_CQ', 'VQ_DA'] as const;
export type PayoffKey = (typeof PAYOFF_KEYS)[number];
export type PayoffMatrix = Record<PayoffKey, { LLM: number; user: number }>;

const BLOCKS = /^\s*<thinking>([\s\S]*?)<\/thinking>\s*<payoff>([\s\S]*?)<\/payoff>\s*<analyze>([\s\S]*?)<\/analyze>\s*<response>([\s\S]*?)<\/response>\s*$/;

export interface GtalignParsed {
  thinking: string;
  payoff: PayoffMatrix | null;
  analyze: string;
  response: string;
}

/** Exactly the four tagged blocks, in order; null when the format is broken. */
export function parseGtalign(text: string): GtalignParsed | null {
  const m = BLOCKS.exec(text);
  if (!m) return null;
  return { thinking: m[1] ?? '', payoff: parsePayoff(m[2] ?? ''), analyze: m[3] ?? '', response: m[4] ?? '' };
}

/** Strict JSON with the six keys, each {LLM: number, user: number}; null otherwise. */
export function parsePayoff(json: string): PayoffMatrix | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const rec = value as Record<string, unknown>;
  if (Object.keys(rec).length !== PAYOFF_KEYS.length) return null;
  for (const k of PAYOFF_KEYS) {
    const cell = rec[k] as Record<string, unknown> | undefined;
    if (!cell || typeof cell.LLM !== 'number' || typeof cell.user !== 'number') return null;
  }
  return rec as PayoffMatrix;
}

const TAGS = ['thinking', 'payoff', 'analyze', 'response'] as const;

/**
 * Why `text` is not a well-formed GTAlign generation, or undefined when it is. Accepts only what
 * `parseGtalign` reads a payoff matrix from, and is stricter in one way: each tag appears exactly once
 * (the parser's lazy match would otherwise fold a repeated block into the last one). The reasons are
 * written for the model: they are shown to it when the engine repairs.
 */
export function gtalignFormatError(text: string): string | undefined {
  for (const tag of TAGS) {
    const opens = text.split(`<${tag}>`).length - 1;
    const closes = text.split(`</${tag}>`).length - 1;
    if (opens !== 1 || closes !== 1) return `expected exactly one <${tag}>...</${tag}> block, found ${opens} opening and ${closes} closing tags`;
  }
  const parsed = parseGtalign(text);
  if (!parsed) return 'the four blocks must come in the order <thinking>, <payoff>, <analyze>, <response>, with nothing before, between or after them';
  if (parsed.payoff) return undefined;
  return payoffError(/<payoff>([\s\S]*?)<\/payoff>/.exec(text)?.[1] ?? '');
}

function payoffError(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return `<payoff> is not valid JSON (${(error as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '<payoff> must be one JSON object';
  const keys = Object.keys(value);
  const missing = PAYOFF_KEYS.filter((k) => !keys.includes(k));
  const extra = keys.filter((k) => !(PAYOFF_KEYS as readonly string[]).includes(k));
  if (missing.length || extra.length) {
    const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `unknown ${extra.join(', ')}` : ''].filter(Boolean);
    return `<payoff> must have exactly the keys ${PAYOFF_KEYS.join(', ')} (${parts.join('; ')})`;
  }
  const rec = value as Record<string, Record<string, unknown> | undefined>;
  const bad = PAYOFF_KEYS.find((k) => typeof rec[k]?.LLM !== 'number' || typeof rec[k]?.user !== 'number');
  return `<payoff>.${bad} must be {"LLM": <number>, "user": <number>}`;
}

/** Keys not weakly dominated: no other cell is ≥ on both payoffs and > on one. */
export function paretoFrontier(matrix: PayoffMatrix): PayoffKey[] {
  return PAYOFF_KEYS.filter((k) => {
    const a = matrix[k];
    return !PAYOFF_KEYS.some((o) => {
      const b = matrix[o];
      return o !== k && b.LLM >= a.LLM && b.user >= a.user && (b.LLM > a.LLM || b.user > a.user);
    });
  });
}

/** The frontier key maximising LLM + user; ties by higher user, then higher LLM, then key order. */
export function chooseStrategy(matrix: PayoffMatrix): PayoffKey {
  const frontier = paretoFrontier(matrix);
  let best = frontier[0] as PayoffKey;
  for (const k of frontier.slice(1)) {
    const a = matrix[k];
    const b = matrix[best];
    const sa = a.LLM + a.user;
    const sb = b.LLM + b.user;
    if (sa > sb || (sa === sb && (a.user > b.user || (a.user === b.user && a.LLM > b.LLM)))) best = k;
  }
  return best;
}

/** Σ_keys [(1/12)·1(user ≠ LLM) + (1/12)·1(|user − LLM| / max(|user|, |LLM|, 1e-8) > 0.1)] ∈ [0, 1]. */
export function payoffReward(matrix: PayoffMatrix): number {
  let r = 0;
  for (const k of PAYOFF_KEYS) {
    const { LLM, user } = matrix[k];
    if (user !== LLM) r += 1 / 12;
    if (Math.abs(user - LLM) / Math.max(Math.abs(user), Math.abs(LLM), 1e-8) > 0.1) r += 1 / 12;
  }
  return r;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** σ(k(len − L_min))·σ(k(L_max − len)), len = whitespace tokens. @param k @default 0.005 */
export function lenLogistic(text: string, lMin: number, lMax: number, k = 0.005): number {
  const len = text.split(/\s+/).filter(Boolean).length;
  return sigmoid(k * (len - lMin)) * sigmoid(k * (lMax - len));
}

/** exp(−len_chars / scale). */
export function reasoningPenalty(text: string, scale: number): number {
  return Math.exp(-text.length / scale);
}

export interface GtalignRewardInput {
  /** The whole generated text (four blocks). */
  text: string;
  /** Answer quality ∈ [0, 1] from a judge. */
  answer: number;
}

/** user, llm and mutual-welfare rewards of one generation (spec 14). A broken format gets format = 0, payoff_reward = 0. */
export function gtalignRewards(input: GtalignRewardInput) {
  const parsed = parseGtalign(input.text);
  const format = parsed !== null && parsed.payoff !== null ? 1 : 0;
  const response = parsed?.response ?? '';
  const reasoning = parsed?.thinking ?? input.text;
  const pr = parsed?.payoff ? payoffReward(parsed.payoff) : 0;
  const user = 1e-4 + 0.5 * input.answer + 0.2 * lenLogistic(response, 20, 500) + 0.3 * reasoningPenalty(reasoning, 500);
  const llm = 1e-4 + 0.2 * format + 0.2 * pr + 0.4 * input.answer + 0.2 * lenLogistic(input.text, 500, 1000);
  return { format, payoffReward: pr, user, llm, welfare: Math.sqrt(user * llm) };
}

/** Evaluation NSW: mean over samples of sqrt((u + ε)(l + ε)). @param eps @default 1e-4 */
export function nashSocialWelfare(pairs: ReadonlyArray<{ user: number; llm: number }>, eps = 1e-4): number {
  if (pairs.length === 0) return 0;
  return pairs.reduce((a, p) => a + Math.sqrt((p.user + eps) * (p.llm + eps)), 0) / pairs.length;
}
