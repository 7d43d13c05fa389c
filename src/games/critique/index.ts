export { critiqueDefinition } from './definition.js';
export { createCritiqueGame, critiqueMetadata, critiqueProblems, critiqueChannel, actorActionSchema, criticActionSchema } from './critique-game.js';
export { critiqueMetricsOf } from './critique-metrics.js';
export { checkAnswer } from './check-answer.js';
export { critiqueParamsSchema, critiqueProblemSchema, type CritiqueParams, type CritiqueProblem } from './params.js';
export { noisyActor, computingCritic, lenientCritic, critiqueStrategies } from './strategies.js';
export type * from './types.js';
