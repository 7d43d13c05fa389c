export { susceptibilityDefinition } from './definition.js';
export { createSusceptibilityGame, susceptibilityMetadata, SETUP_EVENT, REPORT_EVENT } from './susceptibility-game.js';
export { susceptibilityMetrics, baselineAgreement, normaliseLikert } from './susceptibility-metrics.js';
export { susceptibilityParamsSchema, type SusceptibilityParams, type SusceptibilityParamsInput } from './params.js';
export { PERSUASION_PRINCIPLES, PRINCIPLE_NAMES, type PersuasionPrinciple } from './principles.js';
export type { SusceptibilityAction, SusceptibilityObservation, SusceptibilitySetup, SusceptibilityState, Utterance } from './types.js';
