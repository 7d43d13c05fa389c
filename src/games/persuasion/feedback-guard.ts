// The observer sees the truth but must coach, not tell (spec 8.1: "the persuader never sees the ground
// truth directly"). Feedback that repeats a run of the persuadee's private belief or desire is illegal.
import { contentTokens } from './mental-state-similarity.js';
import { DIMENSIONS, type Dimension, type PersuasionScenario } from './types.js';

/** Consecutive content words shared with a private text that count as quoting it. */
export const QUOTE_RUN = 4;

function valueOf(scenario: PersuasionScenario, dimension: Dimension): string {
  const [option, attitude] = dimension.split('.') as ['preventive' | 'generative', 'belief' | 'desire'];
  return scenario[option][attitude];
}

function sharesRun(haystack: string[], needle: string[], run: number): boolean {
  const grams = new Set<string>();
  for (let i = 0; i + run <= haystack.length; i++) grams.add(haystack.slice(i, i + run).join(' '));
  for (let i = 0; i + run <= needle.length; i++) if (grams.has(needle.slice(i, i + run).join(' '))) return true;
  return false;
}

/**
 * The private dimension `text` quotes (a run of `QUOTE_RUN` content words, or the whole text when it is
 * shorter but has at least two content words), or undefined.
 */
export function quotedDimension(text: string, scenario: PersuasionScenario): Dimension | undefined {
  const said = contentTokens(text);
  for (const dimension of DIMENSIONS) {
    const secret = contentTokens(valueOf(scenario, dimension));
    if (secret.length < 2) continue;
    if (sharesRun(said, secret, Math.min(QUOTE_RUN, secret.length))) return dimension;
  }
  return undefined;
}

export { valueOf as privateValue };
