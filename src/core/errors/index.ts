export { PolisError, type PolisErrorCode, type PolisErrorOptions } from './polis-error.js';
export { ConfigError, type ConfigIssue } from './config-error.js';
export { InputError } from './input-error.js';
export { BudgetExceededError, type BudgetKind, type BudgetScope } from './budget-exceeded-error.js';
export { AbortedError } from './aborted-error.js';
export { InvalidActionError, type InvalidActionKind } from './invalid-action-error.js';
export { ModelCallError, type ModelCallErrorDetails } from './model-call-error.js';
export {
  StructuredOutputError,
  type StructuredOutputErrorDetails,
  type StructuredOutputErrorKind,
} from './structured-output-error.js';
export { RerunDivergedError, type RerunDivergence, type DivergencePart } from './rerun-diverged-error.js';
export { LocalModelError, type LocalModelProblem } from './local-model-error.js';
export { JudgeOutputError } from './judge-output-error.js';
export { SweepChangedError } from './sweep-changed-error.js';
export { UnpricedModelError } from './unpriced-model-error.js';
export { MissingPackageError } from './missing-package-error.js';
export { OutputWriteError } from './output-write-error.js';
