export { judgeSusceptibility, susceptibilityJudgeEvents, type SusceptibilityJudgeOptions, type SusceptibilityJudgement, type SusceptibilityTurnScore } from './judge-susceptibility.js';
export { readSusceptibilityDialogue, SUSCEPTIBILITY_SETUP_EVENT, AGREEMENT_REPORT_EVENT, type SusceptibilityDialogue, type DialogueTurn, type DialogueUtterance, type SusceptibilitySetupRecord } from './read-dialogue.js';
export { rateTurnAgreement, observerTranscript, type ThirdPartyRating } from './third-party-agreement.js';
export { selfEstimatePrompt, selfEstimateAgreement } from './self-estimate.js';
