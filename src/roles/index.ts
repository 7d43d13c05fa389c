// Public surface of roles.
import './builtin-roles.js';
export type * from './role.js';
export { registerRole, findRole, roleNames } from './registry.js';
export { genericRole } from './generic-role.js';
export { matrixPlayer } from './matrix-player.js';
export { donorRole } from './donor.js';
export { contributorRole } from './contributor.js';
export { harvesterRole } from './harvester.js';
export { coopetitorRole } from './coopetitor.js';
export { customerRole } from './customer.js';
export { businessRole } from './business.js';
export { workerRole } from './worker.js';
export { plannerRole } from './planner.js';
export { candidateRole } from './candidate.js';
export { voterRole } from './voter.js';
