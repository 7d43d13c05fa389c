// The public surface of the trace layer (re-exported from src/index.ts).
export type * from './event.js';
export { traceEventSchema, traceHeaderSchema } from './schema.js';
export {
  TraceWriter,
  type CreateTraceOptions,
  type OpenForAppendOptions,
  type TraceWriterOptions,
} from './trace-writer.js';
export { iterateTrace, parseTraceText, readTrace, type ReadTraceResult, type TornLine } from './trace-reader.js';
export { prepareResume, truncateTrace, type ResumePoint } from './resume.js';
export { diffTraceFiles, diffTraces, type MetricDelta, type TraceDiff, type TraceDivergence, type TraceLike } from './trace-diff.js';
export { INTERN_MIN_LENGTH } from './text-refs.js';
export { toOrchestrationTrace, type ToOrchestrationOptions } from './orchestration/to-orchestration-trace.js';
export {
  validateOrchestrationTrace,
  type OrchestrationTraceError,
} from './orchestration/validate-orchestration-trace.js';
export type * from './orchestration/orchestration-trace.js';
export {
  ORCHESTRATION_EDGE_TYPES,
  ORCHESTRATION_EVENT_TYPES,
  ORCHESTRATION_TOPOLOGIES,
} from './orchestration/orchestration-trace.js';
export { convertTrace, detectTraceFormat, importTraceFile, type ImportTraceFileOptions, type ImportTraceFileResult, type ImportTraceOptions, type ImportedTrace } from './import/import-trace.js';
export { importedFrom, rerunRefusal, IMPORT_FORMATS, type ImportFormat, type ImportedConfig } from './import/imported.js';
export { toOtlpJson, type ToOtlpOptions } from './export/to-otel.js';
