// Public surface of the engine.
export { runGame, type RunGameOptions, type RoundProbe } from './run-game.js';
export { runExperiment, expandAgents, type RunExperimentOptions, type ExperimentResult, type ModelBuilder } from './experiment.js';
export { rerunTrace, forkTrace, resumeRun, type RerunResult, type ForkOptions } from './replay-modes.js';
export { defaultModelBuilder, prepareProviders, modelSpecs } from './default-models.js';
export { SharedModels, type SharedModelsOptions } from './shared-models.js';
export type { DefaultModelOptions } from './default-models.js';
export { runConfigSchema, agentConfigSchema, defineConfig, type RunConfig, type RunConfigInput, type AgentConfig } from './config/config-schema.js';
export { loadConfig, validateConfig, applyOverrides, setConfigPath, readConfigSource, type SetConfigPathOptions } from './config/load-config.js';
export { budgetSchema, type Budget } from './budget.js';
export { CallRecorder } from './call-recorder.js';
export { MemorySink, type TraceSink } from './trace-sink.js';
export type { EngineHooks } from './hooks.js';
export type { CheckpointState, PopulationEntry } from './checkpoint.js';
export type { RunResult, InvalidActionCounts, UsageTotals as RunUsageTotals } from './run-result.js';
export { modelPlayer, type ModelPlayer, type ModelPlayerOptions } from './model-player.js';
export { assertPricedBudget, unpricedModels, specIdentity, type ModelIdentity } from './price-check.js';
export { estimateRun, ESTIMATE_METHOD, type RunEstimate, type ModelEstimate, type EstimateRunOptions } from './estimate-run.js';
