// Polis: multi-agent social simulations with LLM agents. This file is the public API; anything not
// exported here (or from `polis/testing`) is internal.
export * from './core/errors/index.js';
export { Rng, type RngState } from './core/rng.js';
export { systemClock, fixedClock, type Clock } from './core/clock.js';
export { canonicalJson, hashValue, sha256 } from './core/hash.js';
export { SDK_VERSION, TRACE_SCHEMA_VERSION } from './core/version.js';

export * from './models/index.js';
export * from './agents/index.js';
export * from './roles/index.js';
export * from './engine/index.js';
export * from './traces/index.js';
export * from './telemetry/index.js';
export * from './judges/index.js';
export * from './experiments/index.js';

export type * from './games/game.js';
export type * from './games/definition.js';
export { gameRegistry, registerGame } from './games/registry.js';
export * as matrixGames from './games/matrix/index.js';
export * as strategies from './games/strategies/index.js';
export * as tournament from './games/tournament/index.js';
export * as donorGame from './games/donor/index.js';
export * as publicGoods from './games/public-goods/index.js';
export * as commons from './games/commons/index.js';
export * as coopetition from './games/coopetition/index.js';
export * as marketplace from './games/marketplace/index.js';
export * as economist from './games/economist/index.js';
export * as persuasion from './games/persuasion/index.js';
export * as debate from './games/debate/index.js';
export * as susceptibility from './games/susceptibility/index.js';
export * as dualPlay from './games/dual-play/index.js';
export * as critique from './games/critique/index.js';
export * as discussion from './games/discussion/index.js';
export * as socialLearning from './games/social-learning/index.js';
export * as assistant from './games/assistant/index.js';
export * as gameMetrics from './games/metrics/index.js';

/**
 * Log-prob scoring on an OpenAI-compatible completion server (vLLM's `prompt_logprobs`, or `echo` with
 * `logprobs`): it needs no node-llama-cpp, so it is here as well as in `polis/local-models`.
 */
export { OpenAICompatibleScorer, createOpenAICompatibleScorer, type OpenAICompatibleScorerOptions } from './local-models/openai-compatible-scorer.js';
export type { Scorer, ScoreRequest, ScoreResult } from './local-models/scorer.js';

/** Local GGUF models (node-llama-cpp) are a separate entry point: `polis/local-models`. */
