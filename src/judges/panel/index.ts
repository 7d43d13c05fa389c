export * from './agreement.js';
export * from './aggregate.js';
export * from './model-family.js';
