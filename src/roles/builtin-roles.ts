// Registers every role that ships with Polis. Importing this module is enough.
import { contributorRole } from './contributor.js';
import { coopetitorRole } from './coopetitor.js';
import { donorRole } from './donor.js';
import { harvesterRole } from './harvester.js';
import { matrixPlayer } from './matrix-player.js';
import { registerRole } from './registry.js';

for (const role of [matrixPlayer, donorRole, contributorRole, harvesterRole, coopetitorRole]) registerRole(role as never);
