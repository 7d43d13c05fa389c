// Reading one assistant generation: the four GTAlign blocks (spec 14), strictly, plus our protocol's one
// extra rule: `<analyze>` ends its reasoning with a line `Choice: <KEY>` naming the cell the assistant
// plays, so the game can check it against the Pareto rule. Malformed text gets a reason the model can fix.
import { chooseStrategy, gtalignFormatError, parseGtalign, PAYOFF_KEYS, type PayoffKey, type PayoffMatrix } from '../rewards/gtalign.js';
import type { AssistantStrategy } from './types.js';

export interface AssistantTurnRead {
  matrix: PayoffMatrix;
  declared: PayoffKey;
  pareto: PayoffKey;
  strategy: AssistantStrategy;
  response: string;
}

const CHOICE = /^\s*Choice\s*:\s*\**\s*([A-Z_]+)\s*\**\s*\.?\s*$/gim;

/** The parsed turn, or the reason it cannot be read (what the engine shows the agent on repair). */
export function readAssistantTurn(text: string): { ok: true; turn: AssistantTurnRead } | { ok: false; reason: string } {
  const formatError = gtalignFormatError(text);
  if (formatError) return { ok: false, reason: formatError };
  const parsed = parseGtalign(text)!;
  const choices = [...parsed.analyze.matchAll(CHOICE)].map((m) => (m[1] ?? '').toUpperCase());
  if (choices.length !== 1) {
    return { ok: false, reason: `<analyze> must contain exactly one line "Choice: <KEY>" with KEY one of ${PAYOFF_KEYS.join(', ')} (found ${choices.length})` };
  }
  const declared = choices[0] as string;
  if (!(PAYOFF_KEYS as readonly string[]).includes(declared)) {
    return { ok: false, reason: `"Choice: ${declared}" is not a cell of the matrix; use one of ${PAYOFF_KEYS.join(', ')}` };
  }
  if (parsed.response.trim() === '') return { ok: false, reason: '<response> is empty: write what the user will read' };
  const matrix = parsed.payoff!;
  const key = declared as PayoffKey;
  return { ok: true, turn: { matrix, declared: key, pareto: chooseStrategy(matrix), strategy: key.slice(3) as AssistantStrategy, response: parsed.response.trim() } };
}

/** Share of `keywords` found in `text`, case-insensitive ∈ [0, 1]. */
export function keywordCoverage(text: string, keywords: readonly string[]): number {
  if (keywords.length === 0) return 0;
  const lower = text.toLowerCase();
  return keywords.filter((k) => lower.includes(k.toLowerCase())).length / keywords.length;
}

/** Whether a response asks the user something (a clarifying or follow-up question). */
export function asksQuestion(text: string): boolean {
  return text.includes('?');
}
