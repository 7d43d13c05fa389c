// Public entry points of the marketplace game (spec 6).
export { marketplaceDefinition, marketplaceParamsSchema, marketFor, seatMarket, type MarketplaceParams } from './marketplace-definition.js';
export { MarketplaceGame, type MarketplaceOptions } from './marketplace-game.js';
export { loadMarket, parseMarketFile, BUILT_IN_MARKETS, MARKETPLACE_DATA_DIR } from './load-market.js';
export { generateMarket, type GenerateMarketOptions } from './generate-market.js';
export { customerSchema, businessSchema, type Customer, type Business, type Market } from './market-data.js';
export { customerActionSchema, businessActionSchema, type CustomerAction, type BusinessAction, type MarketAction, type Proposal } from './marketplace-actions.js';
export { searchBusinesses, bm25Scores, type SearchRequest, type SearchResult, type SearchAlgorithm } from './search.js';
export { proposalProblem, PRICE_TOLERANCE } from './validate-proposal.js';
export { levenshteinDistance } from './levenshtein.js';
export { matchMenuItems, type FuzzyItemMatching, type MenuItemMatch } from './match-menu-items.js';
export {
  customerUtility,
  marketplaceBaselines,
  marketplaceMetrics,
  paidProposalRanks,
  businessRevenues,
  type BaselineUtilities,
  type BaselineOptions,
  type MarketMetricsOptions,
} from './marketplace-metrics.js';
export { pickAnyBaseline, pickAnyWelfareSamples, distributionStats, percentile, type PickAnyOptions, type DistributionStats } from './pick-any-baseline.js';
export { rationalCustomer, firstProposalCustomer, rationalBusiness } from './marketplace-strategies.js';
export { MANIPULATION_TEXTS, withDescriptions, type DescriptionOverride } from './manipulation-texts.js';
export type { MarketState, CustomerObservation, BusinessObservation, MarketObservation } from './marketplace-state.js';
