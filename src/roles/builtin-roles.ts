// Registers every role that ships with Polis. Importing this module is enough.
import { actorRole } from './actor.js';
import { businessRole } from './business.js';
import { candidateRole } from './candidate.js';
import { contributorRole } from './contributor.js';
import { coopetitorRole } from './coopetitor.js';
import { criticRole } from './critic.js';
import { customerRole } from './customer.js';
import { debaterRole } from './debater.js';
import { discussionAgentRole } from './discussion-agent.js';
import { donorRole } from './donor.js';
import { gtalignAssistantRole } from './gtalign-assistant.js';
import { harvesterRole } from './harvester.js';
import { informationPlannerRole } from './information-planner.js';
import { likertRespondentRole } from './likert-respondent.js';
import { matrixPlayer } from './matrix-player.js';
import { persuadeeRole } from './persuadee.js';
import { persuaderRole } from './persuader.js';
import { persuasionObserverRole } from './persuasion-observer.js';
import { plannerRole } from './planner.js';
import { proposerRole } from './proposer.js';
import { registerRole } from './registry.js';
import { socialLearnerRole } from './social-learner.js';
import { solverRole } from './solver.js';
import { susceptibilityPersuaderRole } from './susceptibility-persuader.js';
import { userSimulatorRole } from './user-simulator.js';
import { voterRole } from './voter.js';
import { workerRole } from './worker.js';

const roles = [
  // repeated games and social dilemmas
  matrixPlayer, donorRole, contributorRole, harvesterRole, coopetitorRole,
  // markets
  customerRole, businessRole, workerRole, plannerRole, candidateRole, voterRole,
  // dialogues
  persuaderRole, persuadeeRole, persuasionObserverRole, debaterRole, susceptibilityPersuaderRole, likertRespondentRole, proposerRole, solverRole, actorRole, criticRole, discussionAgentRole, informationPlannerRole, socialLearnerRole, gtalignAssistantRole, userSimulatorRole,
];
for (const role of roles) registerRole(role as never);
