export * from './classic.js';
export * from './retaliating.js';
export * from './probing.js';
export * from './akata-players.js';
export { defineStrategy, defineLabelStrategy, naivePrediction, type MatrixStrategy, type CooperateRule } from './define-strategy.js';
export { strategies, strategyByName } from './registry.js';
export * as history from './history.js';
