// Live OpenTelemetry export (opt-in). See README.md.
export { otelHooks, type OtelHooksOptions } from './otel-hooks.js';
export { startOtlpTracing, type OtlpTracing, type OtlpTracingOptions } from './otlp-tracing.js';
