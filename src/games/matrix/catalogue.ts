// The 144 ordinal 2x2 games of the Robinson–Goforth topology, as saved by the repeated-games study
// (data/repeated-games/144_games_info.csv, eliaka/repeatedgames@224a605; spec section 2). Read once, lazily.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../core/errors/input-error.js';
import type { PayoffPair } from './payoff-table.js';

export const CATALOGUE_FILE = fileURLToPath(new URL('../../../data/repeated-games/144_games_info.csv', import.meta.url));

/** The seven families of the topology, with the counts the file must have (spec section 2). */
export const CATALOGUE_FAMILIES = {
  'Win-win': 36,
  Biased: 44,
  Unfair: 19,
  Cyclic: 18,
  'Second Best': 12,
  Tragic: 8,
  'PD Family': 7,
} as const;

export type CatalogueFamily = keyof typeof CATALOGUE_FAMILIES;

export interface CatalogueGame {
  /** 1..144, the study's numbering. */
  number: number;
  /** Name as written in the file; not unique (several games share a name). */
  name: string;
  family: CatalogueFamily;
  /** Position in the topology's 12 x 12 grid. */
  row: number;
  col: number;
  /** Ordinal payoffs 1..4: `payoffs[p1 action][p2 action] = [p1, p2]`. */
  payoffs: PayoffPair[][];
}

const PAYOFF_COLUMNS = ['r1_c1', 'r1_c2', 'r2_c1', 'r2_c2'] as const;
let cached: CatalogueGame[] | undefined;

/** All 144 games, in file order (= by number). */
export function catalogue(): readonly CatalogueGame[] {
  cached ??= parseCatalogue(readFileSync(CATALOGUE_FILE, 'utf8'), CATALOGUE_FILE);
  return cached;
}

/** Parses the `;`-separated file, locating columns by the header rather than by position. */
export function parseCatalogue(text: string, file = '<catalogue>'): CatalogueGame[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(';').map((h) => h.trim());
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new InputError(`missing column "${name}" in the header`, { file, line: 1, field: name });
    return i;
  };
  const number = col('game_number');
  const name = col('game_name');
  const family = col('game_family');
  const gridRow = col('game_row');
  const gridCol = col('game_col');
  const cells = PAYOFF_COLUMNS.map((c) => [col(`${c}_p1`), col(`${c}_p2`)] as const);
  return lines.slice(1).map((line, i) => {
    const fields = line.split(';');
    const where = { file, line: i + 2 };
    const num = (index: number, field: string): number => {
      const v = Number(fields[index]);
      if (!Number.isFinite(v) || fields[index]?.trim() === '') throw new InputError(`expected a number, got "${fields[index]}"`, { ...where, field });
      return v;
    };
    const fam = fields[family]?.trim() ?? '';
    if (!(fam in CATALOGUE_FAMILIES)) throw new InputError(`unknown family "${fam}"`, { ...where, field: 'game_family' });
    const pair = (k: number): PayoffPair => {
      const [a, b] = cells[k] as readonly [number, number];
      return [num(a, header[a] as string), num(b, header[b] as string)];
    };
    return {
      number: num(number, 'game_number'),
      name: fields[name]?.trim() ?? '',
      family: fam as CatalogueFamily,
      row: num(gridRow, 'game_row'),
      col: num(gridCol, 'game_col'),
      payoffs: [
        [pair(0), pair(1)],
        [pair(2), pair(3)],
      ],
    };
  });
}

/** A name folded for lookup: case, apostrophes (’ or ') and spacing do not matter. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[’'`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * One game by number (1..144) or by name ("Stag Hunt", "prisoners dilemma"). Throws a `RangeError`
 * listing the candidates when a name is unknown or names several games.
 */
export function catalogueGame(ref: number | string): CatalogueGame {
  const games = catalogue();
  const asNumber = typeof ref === 'number' ? ref : /^\d+$/.test(ref.trim()) ? Number(ref) : undefined;
  if (asNumber !== undefined) {
    const hit = games.find((g) => g.number === asNumber);
    if (!hit) throw new RangeError(`no catalogue game number ${asNumber}: expected 1..${games.length}`);
    return hit;
  }
  const key = fold(String(ref));
  const hits = games.filter((g) => fold(g.name) === key);
  if (hits.length === 1) return hits[0] as CatalogueGame;
  if (hits.length > 1) {
    throw new RangeError(`"${ref}" names ${hits.length} catalogue games (${hits.map((g) => `#${g.number}`).join(', ')}): use a number`);
  }
  throw new RangeError(`no catalogue game named "${ref}"`);
}
