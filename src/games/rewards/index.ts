export * from './comas.js';
export * from './critique-rl.js';
export * from './pasodoble.js';
export * from './gtalign.js';
export * from './extract-answer.js';
export * from './verify-answer.js';
