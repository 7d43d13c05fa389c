// Parameters of every matrix game, validated at the boundary with zod. Named games (prisoner's dilemma,
// battle of the sexes, ...) share this schema with their own defaults; the payoffs can come from a full
// table, an "R,S,T,P" shorthand (the CLI's --payoffs) or a catalogue game.
import { z } from 'zod';
import { catalogueGame } from './catalogue.js';
import { parseRstp, symmetricTable, tableProblem, type PayoffPair } from './payoff-table.js';

export type MatrixVariant = 'plain' | 'predict-then-act';

/** Validated parameters, defaults filled in. */
export interface MatrixParams {
  /** Rounds played with the same partner. @default 10 (spec section 2) */
  rounds: number;
  /** Option labels in action order (row/column order of `payoffs`). */
  labels: string[];
  /** `payoffs[row][col] = [p1, p2]`. */
  payoffs: PayoffPair[][];
  /** The label counted as cooperation (metrics, strategies), or null when the game has none. */
  cooperative: string | null;
  /** Shuffle the order in which options are mentioned each round (drawn from the game's rng). */
  shuffle: boolean;
  /** `plain`: one choice per round; `predict-then-act`: a prediction phase before each choice (SCoT). */
  variant: MatrixVariant;
  /** The catalogue number the payoffs came from, when they did. */
  catalogue?: number;
}

/** Defaults of one named game. */
export interface MatrixDefaults {
  rounds?: number;
  labels: string[];
  payoffs?: PayoffPair[][];
  /** Cooperative label; `first` = labels[0] for 2-action games. */
  cooperative: string | null | 'first';
  shuffle?: boolean;
}

const pair = z.tuple([z.number(), z.number()]);
const rstpObject = z.object({ R: z.number(), S: z.number(), T: z.number(), P: z.number() }).strict();

/** The input shape (before defaults), exported for documentation (`polis games list`). */
export function matrixParamsInput() {
  return z
    .object({
      rounds: z.number().int().min(1).optional().describe('rounds played with the same partner'),
      payoffs: z
        .union([z.array(z.array(pair)), z.string(), rstpObject])
        .optional()
        .describe('payoffs[row][col] = [p1, p2], or "R,S,T,P" / {R,S,T,P} for a symmetric 2x2 game'),
      catalogue: z.union([z.number().int(), z.string()]).optional().describe('a Robinson–Goforth game, by number (1..144) or name'),
      labels: z
        .array(z.string().regex(/^[A-Za-z0-9_-]+$/, 'a label is one word of letters, digits, _ or -'))
        .optional()
        .describe('option labels in action order'),
      cooperative: z.string().nullable().optional().describe('the label counted as cooperation, or null'),
      shuffle: z.boolean().optional().describe('shuffle the order options are mentioned in each round'),
      variant: z.enum(['plain', 'predict-then-act']).optional().describe('prompt protocol: plain or predict-then-act (SCoT)'),
    })
    .strict();
}

/** The schema of a matrix game with `defaults`: parses the input and resolves the payoff table. */
export function matrixParamsSchema(defaults: MatrixDefaults): z.ZodType<MatrixParams> {
  return matrixParamsInput().transform((input, ctx): MatrixParams => {
    const fail = (path: string, message: string): never => {
      ctx.addIssue({ code: 'custom', path: [path], message });
      return z.NEVER as never;
    };
    let payoffs: PayoffPair[][] | undefined;
    let catalogue: number | undefined;
    if (input.payoffs !== undefined && input.catalogue !== undefined) return fail('catalogue', 'give either payoffs or catalogue, not both');
    if (typeof input.payoffs === 'string') {
      const rstp = parseRstp(input.payoffs);
      if (typeof rstp === 'string') return fail('payoffs', rstp);
      payoffs = symmetricTable(rstp);
    } else if (Array.isArray(input.payoffs)) {
      payoffs = input.payoffs as PayoffPair[][];
    } else if (input.payoffs) {
      payoffs = symmetricTable(input.payoffs);
    } else if (input.catalogue !== undefined) {
      try {
        const game = catalogueGame(input.catalogue);
        payoffs = game.payoffs;
        catalogue = game.number;
      } catch (error) {
        return fail('catalogue', (error as Error).message);
      }
    } else {
      payoffs = defaults.payoffs;
    }
    if (!payoffs) return fail('payoffs', 'required: give payoffs (a table or "R,S,T,P") or catalogue (1..144)');
    const n = payoffs.length;
    const labels = input.labels ?? (defaults.labels.length === n ? defaults.labels : letters(n));
    if (new Set(labels).size !== labels.length) return fail('labels', `labels must be distinct, got ${labels.join(',')}`);
    const problem = tableProblem(payoffs, labels.length);
    if (problem) return fail(input.labels && input.payoffs === undefined ? 'labels' : 'payoffs', problem);
    let cooperative: string | null;
    if (input.cooperative !== undefined) cooperative = input.cooperative;
    else if (defaults.cooperative === 'first') cooperative = n === 2 ? (labels[0] as string) : null;
    else if (input.labels && defaults.cooperative !== null) cooperative = labels[defaults.labels.indexOf(defaults.cooperative)] ?? null;
    else cooperative = defaults.cooperative;
    if (cooperative !== null && !labels.includes(cooperative)) {
      return fail('cooperative', `"${cooperative}" is not one of the labels ${labels.join(', ')}`);
    }
    const out: MatrixParams = {
      rounds: input.rounds ?? defaults.rounds ?? 10,
      labels,
      payoffs,
      cooperative,
      shuffle: input.shuffle ?? defaults.shuffle ?? false,
      variant: input.variant ?? 'plain',
    };
    if (catalogue !== undefined) out.catalogue = catalogue;
    return out;
  });
}

/** A, B, C, ... for tables given without labels. */
function letters(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : ''));
}
