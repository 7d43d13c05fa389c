export { publicGoodsDefinition, sequentialPublicGoodsDefinition } from './definition.js';
export * from './linear-params.js';
export * from './linear-payoff.js';
export * from './linear-game.js';
export * from './sequential-params.js';
export * from './sequential-reward.js';
export * from './sequential-spne.js';
export * from './sequential-game.js';
export * from './strategies.js';
