export { donorGameDefinition } from './definition.js';
export { createDonorGame, donorGameMetadata, type DonorGame } from './donor-game.js';
export { donorParamsSchema, type DonorParams, type DonorParamsInput } from './params.js';
export { donorSchedule, type Pairing } from './schedule.js';
export { updateReputation } from './reputation.js';
export { traceChain, traceText, describeInteraction } from './trace.js';
export { selectTopHalf, generationScore } from './rules.js';
export { fixedFractionDonor, reputationConditionalDonor, neverDonate, donorStrategies } from './strategies.js';
export type * from './types.js';
