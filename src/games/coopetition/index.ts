export { coopetitionDefinition } from './definition.js';
export { createCoopetitionGame, coopetitionMetadata, roundRewards } from './coopetition-game.js';
export type { CoopetitionState, CoopetitionObservation, CoopetitionAction } from './coopetition-game.js';
export { coopetitionParamsSchema, coopetitionModel, type CoopetitionParams, type CoopetitionParamsInput, type CoopetitionModel } from './params.js';
export { powerValue, logarithmicValue, individualValue, synergy, totalValue, privatePayoffs, integratedUtilities } from './value.js';
export { maximise1D, solveEquilibrium, symmetricInvestment, type EquilibriumResult } from './equilibrium.js';
export { fixedShareInvestor, equilibriumInvestor, coopetitionStrategies } from './strategies.js';
