// Public entry points of the LLM Economist (spec 1).
export { economistDefinition, economistParamsSchema, createEconomist, type EconomistParams } from './economist-definition.js';
export { EconomistGame, type EconomistOptions } from './economist-game.js';
export type * from './economist-types.js';
export { laborActionSchema, plannerActionSchema, candidacyActionSchema, voteActionSchema, satisfactionActionSchema } from './economist-types.js';
export { BRACKETS, US_FED_RATES, taxOwed, bracketOf, type BracketSet } from './tax-schedule.js';
export { workerUtility, socialWelfare, LABOR_COST, type SwfKind } from './welfare.js';
export { applyDelta, effectiveDelta } from './planner-delta.js';
export { saezRates, gaussianKde, empiricalCdf, SAEZ_ELASTICITIES } from './saez.js';
export { fQuantile, incompleteBeta, inverseIncompleteBeta, logGamma } from './f-distribution.js';
export { gb2Quantile, gb2Cdf, sampleSkills, sampleStratifiedSkills, stratifiedAllocation, US_INCOME_GB2, UNIFORM_SKILL_RANGE, type SkillDistribution } from './skills.js';
export { FALLBACK_PERSONAS, sampleFallbackPersonas, sampleWorkerPersonas, type EconomistPersona, type PersonaSource } from './personas.js';
export { AGE_BUCKETS, OCCUPATION_TABLE, describeOccupationPersona, sampleOccupationPersona, type OccupationPersona } from './occupation-table.js';
export { UTILITY_TYPES, SATISFACTION_FACTOR, assignUtilityTypes, typedUtility, type UtilityType, type UtilityMix, type SatisfactionAnswer } from './utility-types.js';
export { roundHalfEven } from './round-half-even.js';
export { bestResponseLabor, estimatedUtility, rationalWorker, usFederalPlanner, uniformPlanner, saezPlanner, holdPlanner } from './economist-strategies.js';
export { economistMetrics } from './economist-metrics.js';
export { LABOR_GRID } from './economist-observe.js';
