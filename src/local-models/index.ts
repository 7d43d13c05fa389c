// Public surface of the local-models package: run GGUF models in-process (node-llama-cpp), score
// continuations, compute log-prob rewards, and write/read GGUF files for tests.
export type { Scorer, ScoreRequest, ScoreResult } from './scorer.js';
export { LlamaScorer, createLlamaScorer, type LlamaScorerOptions } from './llama-scorer.js';
export { OpenAICompatibleScorer, createOpenAICompatibleScorer, parseOpenAICompatibleSpec, renderChatML, type OpenAICompatibleScorerOptions } from './openai-compatible-scorer.js';
export { LocalModelClient, localProviderFactory, type LocalClientOptions, type LocalRequestOptions } from './local-client.js';
export { registerLocalProvider, LOCAL_SPEC_FROM_ENV } from './register-local-provider.js';
export { loadLocalModel, disposeLocalModels, checkModelFile, type LocalGpu, type LocalRuntimeOptions } from './llama-runtime.js';
export { readGgufHeader, type GgufHeader, type GgufTensorHeader, type ReadGgufOptions } from './gguf/gguf-reader.js';
export { writeGguf, type GgufContent, type GgufTensorSource } from './gguf/gguf-writer.js';
export { makeTinyModel, type MakeTinyModelOptions, type TinyModelInfo } from './gguf/make-tiny-model.js';
export { designedModelLogprobs, DESIGNED_SIZES } from './gguf/designed-model.js';
export * from './rewards/index.js';
