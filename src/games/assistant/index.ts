export { assistantDefinition } from './definition.js';
export { createAssistantGame, assistantMetadata, assistantActionSchema, userActionSchema, resolveTasks } from './assistant-game.js';
export { assistantParamsSchema, assistantTaskSchema, type AssistantParams, type AssistantParamsInput } from './params.js';
export { readAssistantTurn, keywordCoverage, asksQuestion, type AssistantTurnRead } from './assistant-turn.js';
export { scoreTurn } from './score-turn.js';
export { assistantMetrics } from './assistant-metrics.js';
export { starterTasks } from './builtin-tasks.js';
export { paretoAssistant, directAssistant, intentUser, assistantStrategies, readRequest, writeTurn, READING_MATRICES, type Reading } from './strategies.js';
export type * from './types.js';
