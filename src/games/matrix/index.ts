export { MatrixGame } from './matrix-game.js';
export { matrixParamsSchema, matrixParamsInput, type MatrixParams, type MatrixDefaults, type MatrixVariant } from './matrix-params.js';
export type { MatrixObservation, MatrixState, MatrixStep, RoundNode } from './matrix-state.js';
export { symmetricTable, parseRstp, perspectiveTable, type PayoffPair, type PayoffTable, type Rstp } from './payoff-table.js';
export { catalogue, catalogueGame, parseCatalogue, CATALOGUE_FAMILIES, type CatalogueGame, type CatalogueFamily } from './catalogue.js';
export {
  defineMatrixGame, prisonersDilemma, prisonersDilemmaAkata, battleOfTheSexes, stagHunt, chicken, matchingPennies, matrix, matrixGames,
} from './matrix-definitions.js';
