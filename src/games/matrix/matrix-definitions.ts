// The named matrix games as `GameDefinition`s: the prisoner's dilemma (Axelrod's and the repeated-games
// study's), battle of the sexes, stag hunt, chicken, matching pennies, and `matrix` (any table or catalogue game).
import type { GameDefinition, Strategy } from '../definition.js';
import type { AgentId, GameMetadata } from '../game.js';
import { strategies } from '../strategies/registry.js';
import { MatrixGame } from './matrix-game.js';
import { matrixParamsSchema, type MatrixDefaults, type MatrixParams } from './matrix-params.js';
import { symmetricTable } from './payoff-table.js';

/** A matrix `GameDefinition` from its metadata and defaults. */
export function defineMatrixGame(metadata: GameMetadata, defaults: MatrixDefaults): GameDefinition<MatrixParams> {
  return {
    metadata,
    params: matrixParamsSchema(defaults),
    agentCount: () => ({ min: 2, max: 2 }),
    create: (params: MatrixParams, agents: readonly AgentId[]) => new MatrixGame(metadata, params, agents),
    roleFor: () => 'matrix-player',
    strategies: strategies as Readonly<Record<string, Strategy>>,
  };
}

const VERSION = '1';

/** Axelrod's prisoner's dilemma: (R, S, T, P) = (3, 0, 5, 1), actions C/D (spec section 17; Axelrod 1984). */
export const prisonersDilemma = defineMatrixGame(
  {
    name: 'prisoners-dilemma',
    version: VERSION,
    description: "Iterated prisoner's dilemma, R,S,T,P = 3,0,5,1, options C and D",
    source: 'Axelrod, The Evolution of Cooperation (1984); Axelrod-Python/Axelrod@95052da axelrod/game.py; spec §17',
  },
  { labels: ['C', 'D'], payoffs: symmetricTable({ R: 3, S: 0, T: 5, P: 1 }), cooperative: 'C' },
);

/** The repeated-games study's PD: (J,J)=(8,8), (J,F)=(0,10), (F,J)=(10,0), (F,F)=(5,5); J cooperates, order shuffled. */
export const prisonersDilemmaAkata = defineMatrixGame(
  {
    name: 'prisoners-dilemma-akata',
    version: VERSION,
    description: "Prisoner's dilemma of the repeated-games study: 8/0/10/5, options J (cooperate) and F, 10 rounds, shuffled order",
    source: 'Akata et al. 2025 (arXiv 2305.16867), eliaka/repeatedgames@224a605 pd/query_main.py; spec §2',
  },
  { labels: ['J', 'F'], payoffs: symmetricTable({ R: 8, S: 0, T: 10, P: 5 }), cooperative: 'J', shuffle: true, rounds: 10 },
);

/** Battle of the sexes: player 1 prefers J (10 vs 7), player 2 prefers F; a mismatch pays nothing. */
export const battleOfTheSexes = defineMatrixGame(
  {
    name: 'battle-of-the-sexes',
    version: VERSION,
    description: 'Battle of the sexes: (J,J)=(10,7), (F,F)=(7,10), mismatch (0,0); options J and F, 10 rounds',
    source: 'Akata et al. 2025 (arXiv 2305.16867), eliaka/repeatedgames@224a605 bos/query_main.py; spec §2',
  },
  {
    labels: ['J', 'F'],
    payoffs: [
      [[10, 7], [0, 0]],
      [[0, 0], [7, 10]],
    ],
    cooperative: null,
    rounds: 10,
  },
);

/** Stag hunt with the catalogue's ordinal payoffs (#78): (4,4 | 1,3 | 3,1 | 2,2); C = hunt the stag. */
export const stagHunt = defineMatrixGame(
  {
    name: 'stag-hunt',
    version: VERSION,
    description: 'Stag hunt, ordinal payoffs (4,4 | 1,3 | 3,1 | 2,2) as catalogue game #78; C = stag, D = hare',
    source: 'Robinson & Goforth, The Topology of the 2x2 Games (2005), game #78 in data/repeated-games; spec §2',
  },
  { labels: ['C', 'D'], payoffs: symmetricTable({ R: 4, S: 1, T: 3, P: 2 }), cooperative: 'C' },
);

/** Chicken with the catalogue's ordinal payoffs (#12): (3,3 | 2,4 | 4,2 | 1,1); C = swerve. */
export const chicken = defineMatrixGame(
  {
    name: 'chicken',
    version: VERSION,
    description: 'Chicken, ordinal payoffs (3,3 | 2,4 | 4,2 | 1,1) as catalogue game #12; C = swerve, D = drive on',
    source: 'Robinson & Goforth (2005), game #12 in data/repeated-games; spec §2',
  },
  { labels: ['C', 'D'], payoffs: symmetricTable({ R: 3, S: 2, T: 4, P: 1 }), cooperative: 'C' },
);

/** Matching pennies: player 1 wins 1 when the coins match, player 2 when they differ. No cooperative option. */
export const matchingPennies = defineMatrixGame(
  {
    name: 'matching-pennies',
    version: VERSION,
    description: 'Matching pennies: H/T; player 1 wins on a match, player 2 on a mismatch (zero-sum, +1/-1)',
    source: 'von Neumann & Morgenstern (1944); standard zero-sum example',
  },
  {
    labels: ['H', 'T'],
    payoffs: [
      [[1, -1], [-1, 1]],
      [[-1, 1], [1, -1]],
    ],
    cooperative: null,
  },
);

/** Any matrix game: `payoffs` (a table or "R,S,T,P") or `catalogue` (1..144 or a name) is required. */
export const matrix = defineMatrixGame(
  {
    name: 'matrix',
    version: VERSION,
    description: 'Any 2-player matrix game: payoffs as a table or "R,S,T,P", or catalogue: 1..144 (Robinson–Goforth); options J/F by default',
    source: 'Akata et al. 2025 (arXiv 2305.16867), 144-game sweep; data/repeated-games/144_games_info.csv; spec §2',
  },
  { labels: ['J', 'F'], cooperative: 'first', shuffle: true },
);

/** Every matrix game definition, in listing order. */
export const matrixGames = [prisonersDilemma, prisonersDilemmaAkata, battleOfTheSexes, stagHunt, chicken, matchingPennies, matrix] as const;
