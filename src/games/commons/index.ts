export { commonsDefinition } from './definition.js';
export { createCommonsGame, commonsMetadata, initialConditions } from './commons-game.js';
export { commonsParamsSchema, type CommonsParams, type CommonsParamsInput } from './params.js';
export { regrow, sustainableHarvest, normLimit, rationHarvests } from './dynamics.js';
export { fermi, socialLearningStep } from './social-learning.js';
export { strategyFollower, sustainableHarvester, greedyHarvester, fixedHarvest, commonsStrategies } from './strategies.js';
export type * from './types.js';
