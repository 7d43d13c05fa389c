// Registers every role that ships with Polis. Importing this module is enough.
import { businessRole } from './business.js';
import { candidateRole } from './candidate.js';
import { contributorRole } from './contributor.js';
import { coopetitorRole } from './coopetitor.js';
import { customerRole } from './customer.js';
import { debaterRole } from './debater.js';
import { discussionAgentRole } from './discussion-agent.js';
import { donorRole } from './donor.js';
import { harvesterRole } from './harvester.js';
import { likertRespondentRole } from './likert-respondent.js';
import { gtalignAssistantRole } from './gtalign-assistant.js';
import { userSimulatorRole } from './user-simulator.js';
import { matrixPlayer } from './matrix-player.js';
import { plannerRole } from './planner.js';
import { persuadeeRole } from './persuadee.js';
import { persuaderRole } from './persuader.js';
import { persuasionObserverRole } from './persuasion-observer.js';
import { proposerRole } from './proposer.js';
import { registerRole } from './registry.js';
import { susceptibilityPersuaderRole } from './susceptibility-persuader.js';
import { socialLearnerRole } from './social-learner.js';
import { informationPlannerRole } from './information-planner.js';
import { solverRole } from './solver.js';
import { voterRole } from './voter.js';
import { workerRole } from './worker.js';

const roles = [matrixPlayer, donorRole, contributorRole, harvesterRole, coopetitorRole, customerRole, businessRole, workerRole, plannerRole, candidateRole, voterRole, debaterRole, susceptibilityPersuaderRole, likertRespondentRole, proposerRole, solverRole, discussionAgentRole, gtalignAssistantRole, userSimulatorRole, persuaderRole, persuadeeRole, persuasionObserverRole, socialLearnerRole, informationPlannerRole];
for (const role of roles) registerRole(role as never);
