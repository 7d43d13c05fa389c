// Every game offered to configs and the CLI, by registry name. Add a game with one `registerGame(...)` line.
import type { GameDefinition } from './definition.js';
import { assistantDefinition } from './assistant/definition.js';
import { commonsDefinition } from './commons/definition.js';
import { coopetitionDefinition } from './coopetition/definition.js';
import { critiqueDefinition } from './critique/definition.js';
import { debateDefinition } from './debate/definition.js';
import { discussionDefinition } from './discussion/definition.js';
import { donorGameDefinition } from './donor/definition.js';
import { dualPlayDefinition } from './dual-play/definition.js';
import { economistDefinition } from './economist/economist-definition.js';
import { marketplaceDefinition } from './marketplace/marketplace-definition.js';
import { battleOfTheSexes, chicken, matchingPennies, matrix, prisonersDilemma, prisonersDilemmaAkata, stagHunt } from './matrix/matrix-definitions.js';
import { persuasionDefinition } from './persuasion/definition.js';
import { publicGoodsDefinition, sequentialPublicGoodsDefinition } from './public-goods/definition.js';
import { socialLearningDefinition } from './social-learning/definition.js';
import { susceptibilityDefinition } from './susceptibility/definition.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const gameRegistry = new Map<string, GameDefinition<any>>();

/** Adds `definition` under its metadata name; a second game with the same name is a programming error. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerGame(definition: GameDefinition<any>): void {
  const name = definition.metadata.name;
  if (gameRegistry.has(name)) throw new Error(`game "${name}" is registered twice`);
  gameRegistry.set(name, definition);
}

// repeated games and social dilemmas
registerGame(prisonersDilemma);
registerGame(prisonersDilemmaAkata);
registerGame(battleOfTheSexes);
registerGame(stagHunt);
registerGame(chicken);
registerGame(matchingPennies);
registerGame(matrix);
registerGame(donorGameDefinition);
registerGame(publicGoodsDefinition);
registerGame(sequentialPublicGoodsDefinition);
registerGame(commonsDefinition);
registerGame(coopetitionDefinition);
// markets
registerGame(marketplaceDefinition);
registerGame(economistDefinition);
// dialogues
registerGame(persuasionDefinition);
registerGame(debateDefinition);
registerGame(susceptibilityDefinition);
registerGame(dualPlayDefinition);
registerGame(critiqueDefinition);
registerGame(discussionDefinition);
registerGame(socialLearningDefinition);
registerGame(assistantDefinition);
