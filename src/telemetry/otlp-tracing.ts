// An OTLP HTTP (JSON) pipeline for the live exporter, from the optional peers
// @opentelemetry/sdk-trace-base and @opentelemetry/exporter-trace-otlp-http: a missing one is a
// MissingPackageError naming the install command. Opt-in: nothing in Polis calls this unless the app does.
import { importPeer } from '../core/optional-peer.js';
import type { EngineHooks } from '../engine/hooks.js';
import { otelHooks } from './otel-hooks.js';

export interface OtlpTracingOptions {
  /** The collector's traces endpoint. @default http://localhost:4318/v1/traces */
  url?: string;
  /** Extra HTTP headers (authentication). */
  headers?: Record<string, string>;
  /** Record prompts and completions. @default false */
  content?: boolean;
}

export interface OtlpTracing {
  /** Engine hooks to pass to runExperiment. */
  hooks: EngineHooks;
  /** Sends what is buffered and stops the exporter. */
  shutdown(): Promise<void>;
}

export async function startOtlpTracing(options: OtlpTracingOptions = {}): Promise<OtlpTracing> {
  const feature = 'the live OpenTelemetry exporter';
  const sdk = await importPeer({ peer: '@opentelemetry/sdk-trace-base', feature, load: () => import('@opentelemetry/sdk-trace-base') });
  const { OTLPTraceExporter } = await importPeer({ peer: '@opentelemetry/exporter-trace-otlp-http', feature, load: () => import('@opentelemetry/exporter-trace-otlp-http') });
  const exporter = new OTLPTraceExporter({ url: options.url ?? 'http://localhost:4318/v1/traces', ...(options.headers ? { headers: options.headers } : {}) });
  const provider = new sdk.BasicTracerProvider({ spanProcessors: [new sdk.BatchSpanProcessor(exporter)] });
  const tracer = provider.getTracer('polis');
  return {
    hooks: otelHooks({ tracer, ...(options.content ? { content: true } : {}) }),
    shutdown: () => provider.shutdown(),
  };
}
