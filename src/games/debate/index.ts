export { debateDefinition } from './definition.js';
export { createDebateGame, debateMetadata } from './debate-game.js';
export { debateMetrics, pairOutcomes, shiftTowardOpponent, type PairOutcome } from './debate-metrics.js';
export { oddsRatio, type OddsRatio, type TwoByTwo } from './odds-ratio.js';
export { conditionKey, debateParamsSchema, debatePairSchema, sociodemographicsSchema, type DebatePair, type DebateParams, type DebateParamsInput, type Sociodemographics } from './params.js';
export { DEBATE_STAGES, type DebateAction, type DebateArgument, type DebateObservation, type DebateStage, type DebateState, type PairRecord, type SpeakingStage } from './types.js';
