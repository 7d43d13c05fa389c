export { likelihoodReward, likelihoodRewards, likelihoodRequest, type LikelihoodInput, type LikelihoodOptions, type LikelihoodReward, type LikelihoodVariant } from './likelihood-reward.js';
export { followUpLikelihoodReward, type FollowUpOptions, type FollowUpReward, type FollowUpCategoryScore } from './follow-up-likelihood-reward.js';
export { FOLLOW_UPS, FOLLOW_UP_CATEGORIES, type FollowUpCategory, type FollowUps } from './follow-up-utterances.js';
export { informationGain, type InformationGain, type InformationGainOptions } from './information-gain.js';
export { implicitPrmReward, implicitPrmRewards, type ImplicitPrmOptions, type ImplicitPrmReward } from './implicit-prm-reward.js';
export { agreementProbability, type Agreement, type AgreementOptions } from './agreement-probability.js';
