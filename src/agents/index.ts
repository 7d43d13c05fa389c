// Public surface of agents: personas, memories, policies, prompt templates.
export type * from './agent.js';
export { personaSchema, renderPersona, type Persona, type PersonaInput } from './persona.js';
export { samplePersonas, sampleFrom, personaSamplerSchema, distributionSchema, type PersonaSamplerConfig, type Distribution } from './persona-sampler.js';
export { personaDriftProbe, personaAgreement, type SelfReport } from './persona-drift.js';
export { FullMemory, WindowMemory, SummaryMemory, createMemory, memoryConfigSchema, type MemoryConfig } from './memory/index.js';
export { modelPolicy, type ModelPolicyOptions } from './model-policy.js';
export { scriptedPolicy } from './scripted-policy.js';
export { loadPrompt, parsePrompt, renderPrompt, loadedPromptHashes, PROMPTS_DIR, type PromptTemplate } from './prompt-template.js';
