export { mean } from './mean.js';
export { welfare } from './welfare.js';
export { cooperationRate } from './cooperation-rate.js';
export { gini, giniShifted } from './gini.js';
