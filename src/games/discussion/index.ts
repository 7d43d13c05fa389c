export { createDiscussionGame, discussionMetadata, type DiscussionGameOptions } from './discussion-game.js';
export { discussionDefinition } from './definition.js';
export { discussionParamsSchema, type DiscussionParams, type DiscussionParamsInput } from './params.js';
export { discussionMetrics } from './discussion-metrics.js';
export { assignReviewers, type ReviewerAssignment } from './assign-reviewers.js';
export { checkAnswer } from './check-answer.js';
export { evaluateArithmetic, generateArithmetic } from './arithmetic.js';
export { agreeable, calculator, discussionStrategies } from './strategies.js';
export type * from './types.js';
