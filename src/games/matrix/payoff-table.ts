// Payoff tables of 2-player matrix games. `payoffs[row][col] = [p1, p2]`: player 1 (seat 0) picks the row,
// player 2 (seat 1) the column. Everything else (perspectives, R/S/T/P shorthands) derives from this table.

/** One cell: [payoff of player 1, payoff of player 2]. */
export type PayoffPair = readonly [number, number];

/** `payoffs[rowAction][colAction] = [p1, p2]`, square, n x n with n >= 2. */
export type PayoffTable = ReadonlyArray<ReadonlyArray<PayoffPair>>;

/** The four payoffs of a symmetric 2x2 dilemma (Axelrod's notation; spec section 17). */
export interface Rstp {
  /** Reward for mutual cooperation. */
  R: number;
  /** Sucker's payoff: I cooperate, the other defects. */
  S: number;
  /** Temptation: I defect, the other cooperates. */
  T: number;
  /** Punishment for mutual defection. */
  P: number;
}

/** The symmetric table of R/S/T/P with action 0 = cooperate, action 1 = defect. */
export function symmetricTable({ R, S, T, P }: Rstp): PayoffPair[][] {
  return [
    [[R, R], [S, T]],
    [[T, S], [P, P]],
  ];
}

/** Parses `"R,S,T,P"` (the CLI's `--payoffs 3,0,5,1`); returns an error message instead of throwing. */
export function parseRstp(text: string): Rstp | string {
  const parts = text.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || values.some((v) => !Number.isFinite(v))) {
    return `expected four numbers "R,S,T,P" (e.g. "3,0,5,1"), got "${text}"`;
  }
  const [R, S, T, P] = values as [number, number, number, number];
  return { R, S, T, P };
}

/**
 * The table seen by `seat`: `view[own][other] = [own payoff, other's payoff]`. For seat 0 it is the
 * table itself; for seat 1 rows and columns swap and each pair is reversed.
 */
export function perspectiveTable(table: PayoffTable, seat: 0 | 1): PayoffPair[][] {
  const n = table.length;
  const out: PayoffPair[][] = [];
  for (let own = 0; own < n; own++) {
    const row: PayoffPair[] = [];
    for (let other = 0; other < n; other++) {
      const cell = seat === 0 ? (table[own]?.[other] as PayoffPair) : (table[other]?.[own] as PayoffPair);
      row.push(seat === 0 ? [cell[0], cell[1]] : [cell[1], cell[0]]);
    }
    out.push(row);
  }
  return out;
}

/** Why `table` is not a square n x n table (n >= 2) of finite pairs, or undefined when it is. */
export function tableProblem(table: unknown, labels: number): string | undefined {
  if (!Array.isArray(table) || table.length < 2) return 'expected an n x n table of [p1, p2] pairs with n >= 2';
  if (table.length !== labels) return `the table has ${table.length} rows but there are ${labels} labels`;
  for (let r = 0; r < table.length; r++) {
    const row: unknown = table[r];
    if (!Array.isArray(row) || row.length !== table.length) return `row ${r} must have ${table.length} cells`;
    for (let c = 0; c < row.length; c++) {
      const cell: unknown = row[c];
      if (!Array.isArray(cell) || cell.length !== 2 || !cell.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        return `cell [${r}][${c}] must be a pair of finite numbers [p1, p2]`;
      }
    }
  }
  return undefined;
}
