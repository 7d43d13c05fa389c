// Role rewards. The dialogue games' formulas (CoMAS, Critique-RL, PasoDoble, GTAlign) are pure and live in
// src/games/rewards so games can score themselves; judges re-export them next to the Sotopia rewards.
export * from '../../games/rewards/index.js';
export * from './sotopia.js';
