export { grpoAdvantages, type GrpoOptions } from './grpo.js';
export { gdpoAdvantages, type GdpoOptions } from './gdpo.js';
export { rlooAdvantages, primeRlooTokenRewards } from './rloo.js';
export { mean, std, zScores } from './stats.js';
