export { dualPlayDefinition } from './definition.js';
export { createDualPlayGame, dualPlayMetadata, dualPlayMetrics, proposerActionSchema, solverActionSchema, solverText, PROBLEM_CHANNEL } from './dual-play-game.js';
export { dualPlayParamsSchema, type DualPlayParams } from './params.js';
export { updatingSides } from './schedule.js';
export { arithmeticProposer, computingSolver, noisySolver, dualPlayStrategies } from './strategies.js';
export { drawArithmeticProblem, solveArithmetic, type ArithmeticOptions, type ArithmeticProblem, type ArithmeticOperator } from '../tasks/arithmetic.js';
export type * from './types.js';
