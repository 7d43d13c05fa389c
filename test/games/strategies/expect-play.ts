// Transcript-style helpers for strategy tests (style.md item 8; the idea of Axelrod's `versus_test`).
import { expect } from 'vitest';
import type { GameDefinition } from '../../../src/games/definition.js';
import { prisonersDilemma } from '../../../src/games/matrix/matrix-definitions.js';
import type { MatrixParams } from '../../../src/games/matrix/matrix-params.js';
import { defineStrategy, type MatrixStrategy } from '../../../src/games/strategies/define-strategy.js';
import { playMatch } from '../../../src/games/tournament/play-match.js';

type Pair = [string, string];

/** Plays `a` against `b` and expects the per-turn actions (and, when given, the per-turn scores). */
export function expectPlay(
  a: MatrixStrategy,
  b: MatrixStrategy,
  options: { turns: number; expected: Pair[]; scores?: Array<[number, number]>; seed?: number; game?: GameDefinition<MatrixParams>; params?: Record<string, unknown> },
): void {
  const result = playMatch(options.game ?? prisonersDilemma, [a, b], {
    turns: options.turns,
    seed: options.seed ?? 0,
    ...(options.params ? { params: options.params } : {}),
  });
  expect(result.actions).toEqual(options.expected);
  if (options.scores) expect(result.scores).toEqual(options.scores);
}

/** `'CDDC'` -> [['C','C'], ...] pairs from two move strings, for compact transcripts. */
export function moves(a: string, b: string): Pair[] {
  return [...a].map((m, k) => [m, b[k] as string]);
}

/** A fixed opponent: plays `script` (C/D letters) in order, repeating it when the match is longer. */
export function script(moves: string): MatrixStrategy {
  return defineStrategy({ name: `script:${moves}`, stochastic: false, memoryDepth: 0, source: 'test fixture' }, (obs) => moves[(obs.round - 1) % moves.length] === 'C');
}
